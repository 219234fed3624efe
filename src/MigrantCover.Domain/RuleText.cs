using System.Globalization;
using System.Text;

namespace MigrantCover.Domain;

/// <summary>
/// The one place where a <see cref="RuleFailure"/> becomes text, in Indonesian ("id", the default) or
/// English ("en"). Every message says what is wrong and how to fix it. Placeholders are
/// <c>{name}</c> or <c>{name|format}</c> with format money, date, ordinal, label or moneylist.
/// </summary>
public static partial class RuleText
{
    private static readonly string[] MonthsId =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Dictionary<string, (string Id, string En)> Messages = new(StringComparer.Ordinal)
    {
        ["required"] = (
            "{field|label} belum diisi. Isi kolom ini untuk melanjutkan.",
            "The {field|label} is missing. Fill it in to continue."),

        ["nik.required"] = (
            "NIK wajib diisi: pendaftaran memerlukan KTP. Salin 16 digit NIK dari KTP pekerja.",
            "The NIK is required: registration needs the identity card (KTP). Copy the 16-digit NIK from the worker's KTP."),
        ["nik.format"] = (
            "NIK harus 16 digit angka, yang diisi {length} karakter. Periksa kembali NIK pada KTP.",
            "The NIK must be 16 digits; {length} characters were entered. Check the NIK on the KTP."),
        ["nik.province"] = (
            "Dua digit pertama NIK ({province}) bukan kode provinsi yang ada. Periksa kembali NIK pada KTP.",
            "The first two digits of the NIK ({province}) are not a province code. Check the NIK on the KTP."),
        ["nik.regency"] = (
            "Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00. Periksa kembali NIK pada KTP.",
            "The regency/city code of the NIK (digits 3–4) cannot be 00. Check the NIK on the KTP."),
        ["nik.district"] = (
            "Kode kecamatan pada NIK (digit 5–6) tidak boleh 00. Periksa kembali NIK pada KTP.",
            "The district code of the NIK (digits 5–6) cannot be 00. Check the NIK on the KTP."),
        ["nik.serial"] = (
            "Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000. Periksa kembali NIK pada KTP.",
            "The serial number of the NIK (last 4 digits) cannot be 0000. Check the NIK on the KTP."),
        ["nik.date"] = (
            "Bagian tanggal lahir pada NIK (tanggal {dayPart}, bulan {monthPart}) bukan tanggal yang mungkin: tanggal 01–31 untuk laki-laki atau 41–71 untuk perempuan, bulan 01–12. Periksa kembali NIK pada KTP.",
            "The birth date part of the NIK (day {dayPart}, month {monthPart}) is not a possible date: the day is 01–31 for men or 41–71 for women, the month 01–12. Check the NIK on the KTP."),
        ["nik.day-female"] = (
            "Bagian tanggal pada NIK ({dayPart}) tidak cocok dengan perempuan yang lahir tanggal {birthDay}: untuk perempuan tanggal lahir ditambah 40 ({expectedDayPart}). Periksa jenis kelamin atau NIK.",
            "The NIK's day part ({dayPart}) does not match a woman born on the {birthDay|ordinal}: for women the day is increased by 40 ({expectedDayPart}). Check the sex or the NIK."),
        ["nik.day-male"] = (
            "Bagian tanggal pada NIK ({dayPart}) adalah milik perempuan (tanggal lahir ditambah 40), sedangkan untuk laki-laki yang lahir tanggal {birthDay} seharusnya {expectedDayPart}. Periksa jenis kelamin atau NIK.",
            "The NIK's day part ({dayPart}) is that of a woman (the day of birth plus 40); for a man born on the {birthDay|ordinal} it would be {expectedDayPart}. Check the sex or the NIK."),
        ["nik.day"] = (
            "Bagian tanggal pada NIK ({dayPart}) tidak cocok dengan tanggal lahir {birthDay}: seharusnya {maleDayPart} untuk laki-laki atau {femaleDayPart} untuk perempuan. Periksa tanggal lahir atau NIK.",
            "The NIK's day part ({dayPart}) does not match a birth on the {birthDay|ordinal}: it should be {maleDayPart} for a man or {femaleDayPart} for a woman. Check the date of birth or the NIK."),
        ["nik.month"] = (
            "Bagian bulan pada NIK ({monthPart}) tidak cocok dengan bulan lahir ({expectedMonthPart}). Periksa tanggal lahir atau NIK.",
            "The NIK's month part ({monthPart}) does not match the month of birth ({expectedMonthPart}). Check the date of birth or the NIK."),
        ["nik.year"] = (
            "Bagian tahun pada NIK ({yearPart}) tidak cocok dengan tahun lahir {birthYear} (seharusnya {expectedYearPart}). Periksa tanggal lahir atau NIK.",
            "The NIK's year part ({yearPart}) does not match the year of birth {birthYear} (it should be {expectedYearPart}). Check the date of birth or the NIK."),

        ["kk.required"] = (
            "Nomor Kartu Keluarga wajib diisi: pendaftaran memerlukan KK. Salin 16 digit nomor dari Kartu Keluarga.",
            "The family card number is required: registration needs the Kartu Keluarga. Copy the 16-digit number from the family card."),
        ["kk.format"] = (
            "Nomor Kartu Keluarga harus 16 digit angka, yang diisi {length} karakter. Periksa kembali nomor pada KK.",
            "The family card number must be 16 digits; {length} characters were entered. Check the number on the card."),
        ["kk.province"] = (
            "Dua digit pertama nomor Kartu Keluarga ({province}) bukan kode provinsi yang ada. Periksa kembali nomor pada KK.",
            "The first two digits of the family card number ({province}) are not a province code. Check the number on the card."),

        ["kpj.required"] = (
            "Nomor kepesertaan wajib diisi. Isi 11 digit nomor dari kartu peserta.",
            "The membership number is required. Enter the 11 digits from the membership card."),
        ["kpj.format"] = (
            "Nomor kepesertaan terdiri dari 11 digit angka, yang diisi {length} karakter. Periksa kembali nomor yang Anda ketik.",
            "A membership number has 11 digits; {length} characters were entered. Check the number you typed."),
        ["kpj.check-digit"] = (
            "Nomor kepesertaan ini tidak valid (digit pemeriksanya tidak cocok). Periksa kembali nomor yang Anda ketik.",
            "This membership number is not valid (its check digit does not match). Check the number you typed."),

        ["passport.required"] = (
            "Nomor paspor belum dicatat. Catat nomor paspor sebelum keberangkatan.",
            "The passport number is not recorded. Record it before departure."),
        ["passport.format"] = (
            "Nomor paspor harus 1–2 huruf diikuti 6–8 angka (misalnya C1234567). Periksa kembali nomor pada paspor.",
            "A passport number is 1–2 letters followed by 6–8 digits (for example C1234567). Check the number in the passport."),

        ["registered.future"] = (
            "Tanggal pendaftaran tidak boleh setelah hari ini ({today|date}). Isi tanggal pendaftaran yang sebenarnya.",
            "The registration date cannot be after today ({today|date}). Enter the actual registration date."),
        ["dob.future"] = (
            "Tanggal lahir tidak boleh setelah tanggal pendaftaran ({registeredOn|date}). Periksa tanggal lahir.",
            "The date of birth cannot be after the registration date ({registeredOn|date}). Check the date of birth."),
        ["dob.too-old"] = (
            "Tanggal lahir lebih dari 100 tahun yang lalu (sebelum {earliestOn|date}). Periksa tahun lahir.",
            "The date of birth is more than 100 years ago (before {earliestOn|date}). Check the year of birth."),
        ["age.too-young"] = (
            "Pekerja migran minimal berusia 18 tahun pada tanggal pendaftaran (UU 18/2017 Pasal 5 huruf a); pada {registeredOn|date} usianya {age} tahun. Pendaftaran dapat dilakukan mulai {adultOn|date}.",
            "A migrant worker must be at least 18 on the registration date (UU 18/2017 Pasal 5 huruf a); on {registeredOn|date} this person is {age}. Registration is possible from {adultOn|date}."),

        ["purpose.excluded"] = (
            "Orang yang ke luar negeri untuk tujuan \"{purpose|label}\" bukan pekerja migran (UU 18/2017 Pasal 4 ayat 2) dan tidak dapat didaftarkan. Hanya tujuan bekerja yang dapat didaftarkan.",
            "A person going abroad for \"{purpose|label}\" is not a migrant worker (UU 18/2017 Pasal 4 ayat 2) and cannot be registered. Only going abroad to work can be registered."),
        ["agency.name-required"] = (
            "Untuk skema P3MI (perusahaan penempatan), nama perusahaan wajib diisi. Isi nama P3MI sesuai izinnya.",
            "For the agency scheme (P3MI), the agency name is required. Enter the name on its licence."),
        ["agency.licence-required"] = (
            "Untuk skema P3MI (perusahaan penempatan), nomor izin (SIP3MI) wajib diisi. Isi nomor izin perusahaan.",
            "For the agency scheme (P3MI), the licence number is required. Enter the agency's licence number."),
        ["scheme.individual-domestic"] = (
            "Pekerja perseorangan harus bekerja pada pemberi kerja berbadan hukum (UU 18/2017 Pasal 63), jadi kategori pekerja rumah tangga tidak dapat memakai skema perseorangan. Pilih skema lain atau kategori lain.",
            "An individual-scheme worker must work for a legal-entity employer (UU 18/2017 Pasal 63), so the domestic category cannot use the individual scheme. Choose another scheme or category."),
        ["destination.indonesia"] = (
            "Negara tujuan tidak boleh Indonesia. Pilih negara tempat pekerja akan bekerja.",
            "The destination cannot be Indonesia. Choose the country where the worker will work."),
        ["destination.unknown"] = (
            "\"{country}\" bukan kode negara ISO 3166-1 alpha-2. Gunakan kode dua huruf kapital, misalnya HK, TW atau MY.",
            "\"{country}\" is not an ISO 3166-1 alpha-2 country code. Use the two-letter uppercase code, for example HK, TW or MY."),
        ["destination.restricted"] = (
            "Penempatan kategori {category|label} ke {country} dihentikan sejak {validFrom|date} ({legalBasis}). Pilih negara tujuan atau kategori lain.",
            "Placement of {category|label} workers in {country} is stopped since {validFrom|date} ({legalBasis}). Choose another destination or category."),
        ["contract.range"] = (
            "Lama kontrak harus antara {min} dan {max} bulan. Isi lama kontrak sesuai perjanjian kerja.",
            "The contract length must be between {min} and {max} months. Enter the length stated in the work agreement."),
        ["agreement.future"] = (
            "Tanggal penandatanganan perjanjian penempatan tidak boleh setelah hari ini ({today|date}). Isi tanggal yang tertera pada perjanjian.",
            "The placement agreement cannot be signed after today ({today|date}). Enter the date on the agreement."),

        ["payment.no-rule-set"] = (
            "Belum ada aturan iuran sebelum {firstOn|date}, jadi pembayaran ini tidak dapat dihitung. Periksa tanggal pembayaran.",
            "No contribution rules existed before {firstOn|date}, so this payment cannot be priced. Check the payment date."),
        ["payment.pre-placement-individual"] = (
            "Skema perseorangan tidak memiliki iuran sebelum penempatan (Permenaker 4/2023 Pasal 19): iurannya dibayar sekaligus sebagai iuran penempatan. Catat pembayaran ini sebagai iuran penempatan.",
            "The individual scheme has no pre-placement contribution (Permenaker 4/2023 Pasal 19): it pays everything at once as the placement contribution. Record this payment as a placement payment."),
        ["payment.months-range"] = (
            "Jumlah bulan harus antara {min} dan {max}. Isi jumlah bulan yang dibayar.",
            "The number of months must be between {min} and {max}. Enter how many months are paid for."),
        ["jht.monthly-required"] = (
            "Iuran JHT bulanan wajib dipilih dari: {tiers|moneylist}. Pilih salah satu.",
            "Choose the monthly JHT amount from: {tiers|moneylist}."),
        ["jht.tier"] = (
            "Iuran JHT bulanan {monthlyAmount|money} tidak tersedia. Pilih salah satu dari: {tiers|moneylist}.",
            "A monthly JHT amount of {monthlyAmount|money} is not offered. Choose one of: {tiers|moneylist}."),
        ["payment.future"] = (
            "Tanggal pembayaran tidak boleh setelah hari ini ({today|date}). Isi tanggal pada bukti bayar.",
            "The payment date cannot be after today ({today|date}). Enter the date on the receipt."),
        ["payment.stage"] = (
            "Pekerja berstatus \"{stage|label}\" tidak dapat membayar iuran lagi. Hanya calon pekerja dan pekerja yang sedang ditempatkan yang membayar.",
            "A worker whose stage is \"{stage|label}\" can no longer pay contributions. Only candidates and placed workers pay."),
        ["payment.placement-after-departure"] = (
            "Iuran penempatan dibayar sebelum berangkat (R-PAY-4); pekerja ini sudah berangkat. Untuk menambah masa kerja di luar negeri, catat perpanjangan.",
            "The placement contribution is paid before departure (R-PAY-4); this worker has already left. To add time abroad, record an extension."),
        ["payment.amount"] = (
            "Jumlah {amount|money} tidak sesuai: menurut {ruleSet} iuran ini {expectedAmount|money}. Periksa jumlah pada bukti bayar atau data kontrak.",
            "The amount {amount|money} is wrong: under {ruleSet} this contribution is {expectedAmount|money}. Check the amount on the receipt or the contract details."),
        ["payment.agreement-missing"] = (
            "Iuran sebelum penempatan memerlukan perjanjian penempatan yang sudah ditandatangani (Permenaker 4/2023 Pasal 19). Catat dulu tanggal penandatanganannya.",
            "The pre-placement contribution needs a signed placement agreement (Permenaker 4/2023 Pasal 19). Record the date it was signed first."),
        ["payment.agreement-after"] = (
            "Perjanjian penempatan ditandatangani {signedOn|date}, setelah tanggal pembayaran {paidOn|date}; iuran sebelum penempatan dibayar setelah perjanjian ditandatangani. Periksa kedua tanggal.",
            "The placement agreement was signed on {signedOn|date}, after the payment date {paidOn|date}; the pre-placement contribution is paid after signing. Check both dates."),
        ["payment.pre-placement-after-departure"] = (
            "Iuran sebelum penempatan hanya untuk calon pekerja yang belum berangkat; pekerja ini sudah berangkat. Untuk menambah masa kerja, catat perpanjangan.",
            "The pre-placement contribution is only for candidates who have not left; this worker has departed. To add time abroad, record an extension."),
        ["payment.extension-not-placed"] = (
            "Perpanjangan hanya untuk pekerja yang sedang ditempatkan di luar negeri. Catat keberangkatan terlebih dahulu.",
            "An extension is only for a worker who is placed abroad. Record the departure first."),
        ["payment.extension-cover-ended"] = (
            "Perlindungan masa penempatan sudah berakhir pada {coverEndedOn|date}, jadi perpanjangan tidak dapat dibayar lagi (perpanjangan dibayar selama perlindungan masih berjalan). Hubungi BPJS Ketenagakerjaan untuk kepesertaan baru.",
            "Placement cover ended on {coverEndedOn|date}, so it can no longer be extended (an extension is paid while cover still runs). Contact BPJS Ketenagakerjaan about a new membership."),
        ["payment.extension-before-departure"] = (
            "Perpanjangan dibayar setelah keberangkatan ({departedOn|date}). Periksa tanggal pembayaran.",
            "An extension is paid after departure ({departedOn|date}). Check the payment date."),
        ["payment.reference-conflict"] = (
            "Nomor referensi {reference} sudah dipakai untuk pembayaran lain dengan isi berbeda. Periksa nomor referensi pada bukti bayar.",
            "The reference {reference} is already used by a payment with different details. Check the reference on the receipt."),

        ["departure.stage"] = (
            "Hanya calon pekerja yang dapat diberangkatkan; status pekerja ini \"{stage|label}\".",
            "Only a candidate can depart; this worker's stage is \"{stage|label}\"."),
        ["departure.before-registration"] = (
            "Tanggal keberangkatan tidak boleh sebelum tanggal pendaftaran ({registeredOn|date}). Periksa tanggal keberangkatan.",
            "The departure date cannot be before the registration date ({registeredOn|date}). Check the departure date."),
        ["departure.future"] = (
            "Tanggal keberangkatan tidak boleh setelah hari ini ({today|date}): catat keberangkatan setelah pekerja berangkat.",
            "The departure date cannot be after today ({today|date}): record the departure once the worker has left."),
        ["departure.document-missing"] = (
            "Dokumen \"{document|label}\" belum diverifikasi (UU 18/2017 Pasal 13). Verifikasi dokumen ini sebelum keberangkatan.",
            "The document \"{document|label}\" is not verified (UU 18/2017 Pasal 13). Verify it before departure."),
        ["departure.no-placement-payment"] = (
            "Belum ada iuran penempatan yang dibayar sebelum tanggal keberangkatan. Catat pembayaran iuran penempatan terlebih dahulu.",
            "No placement contribution was paid before the departure date. Record the placement payment first."),
        ["departure.placement-too-early"] = (
            "Untuk skema perseorangan, iuran penempatan dibayar paling cepat 1 bulan sebelum berangkat (Permenaker 4/2023 Pasal 19); pembayaran terakhir {paidOn|date} sebelum {earliestOn|date}. Pekerja perlu membayar lagi sebelum berangkat.",
            "For the individual scheme the placement contribution is paid no earlier than 1 month before departure (Permenaker 4/2023 Pasal 19); the last payment, on {paidOn|date}, is before {earliestOn|date}. The worker must pay again before leaving."),

        ["stage.transition"] = (
            "Peristiwa \"{event|label}\" tidak dapat dicatat untuk pekerja berstatus \"{stage|label}\". Periksa status pekerja.",
            "\"{event|label}\" cannot be recorded for a worker whose stage is \"{stage|label}\". Check the worker's stage."),
        ["stage.withdrawal-after-payment"] = (
            "Pendaftaran hanya dapat dibatalkan sebelum ada pembayaran. Jika pekerja tidak jadi berangkat, catat gagal berangkat.",
            "A registration can only be withdrawn before any payment. If the worker is not leaving, record a failed departure."),
    };

    private static readonly Dictionary<string, (string Id, string En)> Labels = new(StringComparer.Ordinal)
    {
        // Fields.
        ["nik"] = ("NIK", "NIK"),
        ["familyCardNumber"] = ("Nomor Kartu Keluarga", "family card number"),
        ["sex"] = ("Jenis kelamin", "sex"),
        ["dateOfBirth"] = ("Tanggal lahir", "date of birth"),
        ["purpose"] = ("Tujuan ke luar negeri", "purpose of going abroad"),
        ["category"] = ("Kategori pekerja", "worker category"),
        ["scheme"] = ("Skema penempatan", "placement scheme"),
        ["destinationCountry"] = ("Negara tujuan", "destination country"),
        ["contractMonths"] = ("Lama kontrak (bulan)", "contract length (months)"),
        ["months"] = ("Jumlah bulan", "number of months"),
        ["monthlyAmount"] = ("Iuran JHT bulanan", "monthly JHT amount"),
        ["fullName"] = ("Nama lengkap", "full name"),
        ["placeOfBirth"] = ("Tempat lahir", "place of birth"),
        ["address"] = ("Alamat", "address"),
        ["phone"] = ("Nomor telepon", "phone number"),
        ["email"] = ("Email", "e-mail"),
        ["occupation"] = ("Jabatan/pekerjaan", "occupation"),
        ["employerName"] = ("Nama pemberi kerja", "employer name"),
        ["agencyName"] = ("Nama P3MI", "agency name"),
        ["agencyLicence"] = ("Nomor izin P3MI", "agency licence"),
        ["placementAgreementSignedOn"] = ("Tanggal perjanjian penempatan", "placement agreement date"),
        ["registeredOn"] = ("Tanggal pendaftaran", "registration date"),
        ["kind"] = ("Jenis iuran", "payment kind"),
        ["amount"] = ("Jumlah", "amount"),
        ["paidOn"] = ("Tanggal bayar", "payment date"),
        ["reference"] = ("Nomor referensi", "reference"),
        ["departedOn"] = ("Tanggal berangkat", "departure date"),
        ["arrivedOn"] = ("Tanggal tiba", "arrival date"),
        ["diedOn"] = ("Tanggal meninggal", "date of death"),
        ["occurredOn"] = ("Tanggal", "date"),
        ["reason"] = ("Alasan", "reason"),
        ["version"] = ("Versi", "version"),
        ["passportNumber"] = ("Nomor paspor", "passport number"),
        ["verified"] = ("Terverifikasi", "verified"),
        ["stage"] = ("Tahap", "stage"),
        ["province"] = ("Provinsi", "province"),
        ["office"] = ("Kantor", "office"),
        ["relationship"] = ("Hubungan", "relationship"),
        ["reminderChannels"] = ("Saluran pengingat", "reminder channels"),
        ["remindersConsent"] = ("Persetujuan pengingat", "reminder consent"),
        ["consentOn"] = ("Tanggal persetujuan pengingat", "reminder consent date"),
        ["preferredLanguage"] = ("Bahasa pesan", "message language"),
        ["endReason"] = ("Alasan tidak lagi tercatat", "reason no longer recorded"),
        ["endedOn"] = ("Tidak lagi tercatat sejak", "no longer recorded from"),
        ["membershipNumber"] = ("Nomor kepesertaan (KPJ)", "membership number (KPJ)"),
        ["officeCode"] = ("Kantor", "office"),
        ["failedDepartureOn"] = ("Tanggal gagal berangkat", "failed departure date"),
        ["withdrawnOn"] = ("Tanggal pembatalan", "withdrawal date"),
        ["extensionMonths"] = ("Perpanjangan kontrak (bulan)", "contract extension (months)"),

        // Purposes (R-CAT-2).
        ["work"] = ("bekerja", "work"),
        ["official-duty"] = ("tugas resmi dari badan internasional atau negara", "official duty for an international body or a state"),
        ["study"] = ("belajar atau pelatihan", "study or training"),
        ["refugee"] = ("pengungsi atau pencari suaka", "refugee or asylum seeker"),
        ["investor"] = ("penanam modal", "investment"),
        ["mission-staff"] = ("aparatur sipil negara atau pegawai setempat di Perwakilan RI", "civil service or local staff of an Indonesian mission"),
        ["state-funded"] = ("pegawai lembaga yang dibiayai APBN", "staff of an institution funded by the state budget (APBN)"),
        ["own-business"] = ("menjalankan usaha sendiri", "running one's own business"),

        // Categories (R-CAT-1).
        ["formal"] = ("formal", "formal"),
        ["domestic"] = ("pekerja rumah tangga", "domestic"),
        ["seafarer"] = ("awak kapal niaga", "seafarer"),
        ["fisher"] = ("awak kapal perikanan", "fisher"),

        // Stages and events (§9).
        ["candidate"] = ("calon pekerja", "candidate"),
        ["placed"] = ("ditempatkan", "placed"),
        ["returned"] = ("sudah pulang", "returned"),
        ["failed-departure"] = ("gagal berangkat", "failed departure"),
        ["withdrawn"] = ("dibatalkan", "withdrawn"),
        ["deceased"] = ("meninggal dunia", "deceased"),
        ["registration"] = ("pendaftaran", "registration"),
        ["departure"] = ("keberangkatan", "departure"),
        ["extension"] = ("perpanjangan", "extension"),
        ["return"] = ("kepulangan", "return"),
        ["withdrawal"] = ("pembatalan pendaftaran", "withdrawal"),
        ["death"] = ("kematian", "death"),

        // Documents (R-DOC-1).
        ["marital-status"] = ("surat keterangan status perkawinan", "marital status certificate"),
        ["family-permission"] = ("surat izin suami/istri, orang tua atau wali yang diketahui kepala desa", "permission of spouse, parent or guardian acknowledged by the village head"),
        ["competence"] = ("sertifikat kompetensi kerja", "work competence certificate"),
        ["health"] = ("surat keterangan sehat (kesehatan dan psikologi)", "health certificate (medical and psychological)"),
        ["passport"] = ("paspor", "passport"),
        ["work-visa"] = ("visa kerja", "work visa"),
        ["placement-agreement"] = ("perjanjian penempatan", "placement agreement"),
        ["work-agreement"] = ("perjanjian kerja", "work agreement"),
    };

    /// <summary>Whether <paramref name="key"/> (a field, a code) has a label of its own in both languages.</summary>
    public static bool HasLabel(string key) => Labels.ContainsKey(key);

    /// <summary>Renders the failure; any language other than "en" gives Indonesian.</summary>
    public static string Format(RuleFailure failure, string? language)
    {
        var en = IsEnglish(language);
        if (!Messages.TryGetValue(failure.Key, out var texts) && !InputMessages.TryGetValue(failure.Key, out texts))
        {
            // A key without text is a defect; still say which rule failed rather than nothing.
            return en ? $"Rule {failure.RuleId} is not met ({failure.Key})." : $"Aturan {failure.RuleId} tidak terpenuhi ({failure.Key}).";
        }

        var template = en ? texts.En : texts.Id;
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            var spec = template.AsSpan(open + 1, close - open - 1);
            var bar = spec.IndexOf('|');
            var name = (bar < 0 ? spec : spec[..bar]).ToString();
            var format = bar < 0 ? string.Empty : spec[(bar + 1)..].ToString();
            var value = failure.Args.TryGetValue(name, out var v) ? v : string.Empty;
            sb.Append(Render(value, format, en));
            i = close + 1;
        }

        return sb.ToString();
    }

    /// <summary>"Rp332.500": Indonesian digit grouping, no decimals, in both languages.</summary>
    public static string Rupiah(long amount)
    {
        var digits = Math.Abs(amount).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(digits.Length + 6);
        if (amount < 0)
        {
            sb.Append('-');
        }

        sb.Append("Rp");
        for (var k = 0; k < digits.Length; k++)
        {
            if (k > 0 && (digits.Length - k) % 3 == 0)
            {
                sb.Append('.');
            }

            sb.Append(digits[k]);
        }

        return sb.ToString();
    }

    /// <summary>"9 Juni 2024" or "9 June 2024".</summary>
    public static string Date(DateOnly date, string? language) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{date.Day} {(IsEnglish(language) ? MonthsEn : MonthsId)[date.Month - 1]} {date.Year}");

    /// <summary>A code (document type, stage, category, purpose) or field name in the language, or the code itself.</summary>
    public static string Label(string code, string? language) =>
        Labels.TryGetValue(code, out var l) ? (IsEnglish(language) ? l.En : l.Id) : code;

    /// <summary>A §10 benefit amount with its qualifier ("hingga Rp50.000.000", "as medically needed").</summary>
    public static string BenefitAmount(Benefit benefit, string? language)
    {
        var en = IsEnglish(language);
        return (benefit.Note, benefit.Amount) switch
        {
            ("up-to", { } a) => (en ? "up to " : "hingga ") + Rupiah(a),
            ("plus-transport", { } a) => Rupiah(a) + (en ? " + transport up to Rp15.000.000" : " + transportasi hingga Rp15.000.000"),
            ("as-needed", _) => en ? "as medically needed" : "sesuai kebutuhan medis",
            ("per-school-level", _) => en ? "up to 2 children, per school level" : "paling banyak 2 anak, sesuai jenjang sekolah",
            (_, { } a) => Rupiah(a),
            _ => en ? "see the regulation" : "lihat peraturan",
        };
    }

    public static IReadOnlyCollection<string> MessageKeys => Messages.Keys;

    private static bool IsEnglish(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);

    private static string Render(string value, string format, bool en)
    {
        switch (format)
        {
            case "money" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount):
                return Rupiah(amount);
            case "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return Date(date, en ? "en" : "id");
            case "ordinal" when en && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                return value + Suffix(n);
            case "label":
                return Label(value, en ? "en" : "id");
            case "moneylist":
                var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
                var rendered = new string[parts.Length];
                for (var k = 0; k < parts.Length; k++)
                {
                    rendered[k] = long.TryParse(parts[k], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? Rupiah(a) : parts[k];
                }

                return string.Join(", ", rendered);
            default:
                return value;
        }
    }

    private static string Suffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
}
