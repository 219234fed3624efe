namespace MigrantCover.Domain;

/// <summary>
/// The messages of the checks the portal makes on what was typed before or beside the rule book (a
/// date that is not a date, a text too long, an unknown choice, a record changed by someone else, a
/// possible duplicate), rendered by the same <see cref="Format"/> with the same placeholders, so that
/// every field message of the portal comes from one place in both languages.
/// </summary>
public static partial class RuleText
{
    private static readonly Dictionary<string, (string Id, string En)> InputMessages = new(StringComparer.Ordinal)
    {
        ["too-long"] = (
            "Terlalu panjang: paling banyak {max} karakter.",
            "Too long: at most {max} characters."),
        ["text.control"] = (
            "Teks berisi karakter kontrol yang tidak dapat disimpan (misalnya U+0000). Hapus lalu ketik ulang teksnya.",
            "The text contains a control character that cannot be stored (such as U+0000). Remove it and type the text again."),
        ["text.invisible"] = (
            "Nama berisi karakter tak terlihat (penanda arah tulisan atau karakter lebar-nol) atau baris baru. Ketik ulang namanya tanpa karakter itu.",
            "The name contains an invisible character (a text direction override or a zero-width character) or a line break. Type the name again without it."),
        ["date.format"] = (
            "Bukan tanggal yang benar. Gunakan format TTTT-BB-HH, misalnya 1995-07-09.",
            "Not a real date, use YYYY-MM-DD (for example 1995-07-09)."),
        ["code.unknown"] = (
            "Pilihan tidak dikenal. Pilih salah satu: {allowed}.",
            "Unknown choice. Choose one of: {allowed}."),
        ["number.whole"] = (
            "Isi dengan bilangan bulat, misalnya {example}.",
            "Enter a whole number, for example {example}."),
        ["email.format"] = (
            "Alamat email tidak valid. Contoh: nama@contoh.id.",
            "The e-mail address is not valid. Example: name@example.id."),
        ["phone.format"] = (
            "Nomor telepon berisi 6 sampai 15 angka, boleh diawali + dan dipisah spasi atau tanda hubung. Contoh: +62 812-3456-7890.",
            "A phone number has 6 to 15 digits, optionally after a +, and may be split by spaces or hyphens. Example: +62 812-3456-7890."),
        ["id.format"] = (
            "Bukan ID yang benar: 32 digit heksadesimal dengan tanda hubung, misalnya 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
            "Not a valid ID: 32 hexadecimal digits with hyphens, for example 3f2504e0-4f89-11d3-9a0c-0305e82c3301."),
        ["form.unreadable"] = (
            "Isian ini tidak dapat dibaca. Isi atau pilih lagi dari formulir, lalu kirim ulang.",
            "This entry cannot be read. Enter or choose it again on the form, then send it again."),
        ["value.format"] = (
            "Nilai ini tidak dapat dibaca: periksa jenisnya di dokumentasi API (/swagger).",
            "This value cannot be read: check its type in the API documentation (/swagger)."),
        ["body.empty"] = (
            "Isi permintaan (JSON) kosong.",
            "The request body (JSON) is empty."),
        ["stale"] = (
            "Data pekerja ini sudah diubah orang lain sejak Anda membukanya. Periksa data terbaru di bawah, lalu simpan lagi perubahan Anda.",
            "Someone else changed this worker since you opened it. Check the current values below, then save your change again."),
        ["nik.taken"] = (
            "NIK ini sudah terdaftar (R-NIK-4: satu NIK, satu pekerja). Buka data pekerja yang sudah ada.",
            "This NIK is already registered (R-NIK-4: one NIK, one worker). Open the existing worker's record."),
        ["duplicate.person"] = (
            "Sudah ada pekerja dengan nama dan tanggal lahir yang sama. Periksa apakah orang yang sama; jika bukan, konfirmasi lalu simpan lagi.",
            "A worker with the same name and date of birth exists. Check whether it is the same person; if not, confirm and save again."),
        ["duplicate.passport"] = (
            "Nomor paspor ini sudah tercatat pada pekerja lain. Periksa apakah orang yang sama atau salah ketik; jika benar, konfirmasi lalu simpan lagi.",
            "This passport number is already recorded for another worker. Check whether it is the same person or a typing error; if it is right, confirm and save again."),
        ["date.after-today"] = (
            "Tanggal tidak boleh setelah hari ini ({today|date}).",
            "The date cannot be after today ({today|date})."),
        ["date.before-registration"] = (
            "Tanggal tidak boleh sebelum tanggal pendaftaran ({registeredOn|date}).",
            "The date cannot be before the registration date ({registeredOn|date})."),
        ["arrival.before-departure"] = (
            "Tanggal tiba harus setelah tanggal berangkat ({departedOn|date}); paling awal {earliest|date}.",
            "The arrival date must be after the departure date ({departedOn|date}); the earliest accepted is {earliest|date}."),
        ["province.unknown"] = (
            "Kode provinsi tidak dikenal (2 angka, misalnya 33).",
            "Unknown province code (2 digits, for example 33)."),
        ["page.range"] = (
            "Halaman antara 1 dan {max}.",
            "The page is between 1 and {max}."),
        ["page-size.range"] = (
            "Ukuran halaman antara 1 dan {max}.",
            "The page size is between 1 and {max}."),
        ["range.date"] = (
            "'{value}' bukan tanggal: tulis sebagai TTTT-BB-HH, misalnya 2026-01-31.",
            "'{value}' is not a date: write it as YYYY-MM-DD, for example 2026-01-31."),
        ["range.order"] = (
            "Tanggal akhir sebelum tanggal awal: pilih tanggal akhir yang sama atau sesudah tanggal awal.",
            "The end date is before the start date: choose an end date on or after the start date."),
        ["heirs.too-many"] = (
            "Paling banyak {max} ahli waris dalam satu permintaan.",
            "At most {max} heirs in one request."),
        ["heir.unknown"] = (
            "Ahli waris ini tidak tercatat pada pekerja ini (atau sudah berakhir).",
            "This heir is not recorded for this worker (or has ended)."),
        ["heir.ended"] = (
            "Ahli waris ini sudah berakhir pada {endedOn|date}; data yang berakhir tidak diubah lagi.",
            "This heir ended on {endedOn|date}; an ended record is not changed any more."),
        ["heir.stale"] = (
            "Data ahli waris ini sudah diubah orang lain. Muat ulang lalu coba lagi.",
            "Someone else changed this heir. Reload and try again."),
        ["claim.stale"] = (
            "Klaim ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu coba lagi.",
            "Someone else changed this claim since you opened it. Reload and try again."),
        ["claim.document-unknown"] = (
            "Dokumen '{code}' tidak ada dalam daftar periksa klaim ini.",
            "The document '{code}' is not on this claim's checklist."),
        ["amount.range"] = (
            "Isi jumlah rupiah bulat dari 1 sampai {max}.",
            "Enter a whole number of rupiah from 1 to {max}."),
        ["signin.email-required"] = (
            "Masukkan alamat email akun petugas Anda.",
            "Enter the e-mail address of your staff account."),
        ["signin.password-required"] = (
            "Masukkan kata sandi Anda.",
            "Enter your password."),
        ["lookup.identifier-required"] = (
            "Isi nomor kepesertaan (11 digit) atau NIK (16 digit).",
            "Enter your membership number (11 digits) or your NIK (16 digits)."),
        ["lookup.identifier-format"] = (
            "Nomor kepesertaan terdiri dari 11 digit dan NIK 16 digit; yang diisi {length} digit. Periksa kembali nomor yang Anda ketik.",
            "A membership number has 11 digits and a NIK 16; {length} digits were entered. Check the number you typed."),
        ["lookup.dob-required"] = (
            "Isi tanggal lahir Anda, seperti pada KTP.",
            "Enter your date of birth, as on your identity card."),
        ["lookup.kk-required"] = (
            "Untuk mencari dengan NIK, isi juga nomor Kartu Keluarga (16 digit), karena tanggal lahir sudah tertulis di dalam NIK.",
            "To look up by NIK, also enter the family card number (16 digits): the date of birth is already written inside the NIK."),
        ["lookup.dob-format"] = (
            "Tanggal lahir tidak terbaca. Tulis sebagai tanggal/bulan/tahun, misalnya 9/7/1995.",
            "The date of birth could not be read. Write it as day/month/year, for example 9/7/1995."),
    };

    /// <summary>The keys of the input messages (beside the rule book's <see cref="MessageKeys"/>).</summary>
    public static IReadOnlyCollection<string> InputMessageKeys => InputMessages.Keys;

    /// <summary>
    /// An input message (or a rule book message without a rule, such as "required") with its
    /// placeholders filled: invariant values, as <see cref="RuleFailure"/> arguments are.
    /// </summary>
    public static string Input(string key, string? language, params (string Name, string Value)[] args) =>
        Format(RuleFailure.Of("", key, null, args), language);
}
