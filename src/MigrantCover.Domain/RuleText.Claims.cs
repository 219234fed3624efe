namespace MigrantCover.Domain;

/// <summary>
/// The texts of heirs (§13) and claims (§14), merged into the one lookup of <see cref="RuleText"/>.
/// Enumeration labels are keyed <c>type-name:code</c> (<c>claim-type:death</c>,
/// <c>heir-relationship:spouse</c>, <c>claim-document:membership-card</c>), so they never clash with
/// the field and code labels of the rest of the rule book.
/// </summary>
public static partial class RuleText
{
    private static readonly Dictionary<string, (string Id, string En)> ClaimMessages = new(StringComparer.Ordinal)
    {
        // Heirs (R-HEIR-3..6).
        ["heir.name-required"] = (
            "Nama lengkap ahli waris belum diisi. Tulis nama sesuai KTP, akta lahir, atau Kartu Keluarga.",
            "The heir's full name is missing. Write the name as on the ID card, birth certificate or family card."),
        ["heir.relationship-required"] = (
            "Hubungan ahli waris dengan pekerja belum dipilih. Pilih salah satu: suami/istri, anak, orang tua, cucu, kakek/nenek, saudara kandung, mertua, atau penerima wasiat.",
            "The heir's relationship to the worker is missing. Choose one: spouse, child, parent, grandchild, grandparent, sibling, parent-in-law or person named in the will."),
        ["heir.sex-required"] = (
            "Jenis kelamin ahli waris belum dipilih. Pilih laki-laki atau perempuan (diperlukan untuk memeriksa NIK).",
            "The heir's sex is missing. Choose male or female (it is needed to check the NIK)."),
        ["heir.dob-required"] = (
            "Tanggal lahir ahli waris belum diisi. Isi sesuai KTP, akta lahir, atau Kartu Keluarga.",
            "The heir's date of birth is missing. Enter it as on the ID card, birth certificate or family card."),
        ["heir.dob-future"] = (
            "Tanggal lahir ahli waris tidak boleh setelah hari ini ({today|date}). Periksa tanggal lahir.",
            "The heir's date of birth cannot be after today ({today|date}). Check the date of birth."),
        ["heir.dob-too-old"] = (
            "Tanggal lahir ahli waris lebih dari 100 tahun yang lalu (sebelum {earliestOn|date}). Periksa tahun lahir.",
            "The heir's date of birth is more than 100 years ago (before {earliestOn|date}). Check the year of birth."),
        ["heir.nik-worker"] = (
            "NIK ini adalah NIK pekerja sendiri. Isi NIK ahli waris dari KTP atau Kartu Keluarganya, atau kosongkan bila belum diketahui.",
            "This is the worker's own NIK. Enter the heir's NIK from their ID card or family card, or leave it empty if it is not known."),
        ["heir.nik-duplicate"] = (
            "NIK ini sudah dipakai untuk ahli waris lain dalam daftar ini. Satu NIK hanya untuk satu orang; periksa kembali NIK.",
            "This NIK is already given for another heir in this list. One NIK belongs to one person; check the NIK again."),
        ["heir.nik-recorded"] = (
            "NIK ini sudah tercatat untuk ahli waris lain pekerja ini. Satu NIK hanya untuk satu orang: periksa NIK, atau perbaiki data ahli waris yang sudah tercatat.",
            "This NIK is already recorded for another heir of this worker. One NIK belongs to one person: check the NIK, or correct the heir already recorded."),
        ["heir.payee-required"] = (
            "Penerima manfaat belum dipilih. Pilih satu ahli waris dari surat keterangan ahli waris, dari golongan tertinggi yang ada (Permenaker 4/2023 Pasal 57 ayat 4).",
            "The payee is not chosen. Choose one heir from the heir certificate, from the highest class on it (Permenaker 4/2023 Pasal 57 ayat 4)."),
        ["heir.payee-not-on-certificate"] = (
            "Penerima dengan hubungan \"{relationship|label}\" tidak tercantum pada surat keterangan ahli waris, jadi tidak dapat menjadi penerima. Pilih penerima yang tercantum pada surat itu.",
            "A payee related as \"{relationship|label}\" is not on the heir certificate, so cannot be paid. Choose a payee named on the certificate."),
        ["heir.not-payee-class"] = (
            "Ahli waris dengan hubungan \"{relationship|label}\" termasuk {heirClass|label}, tetapi pada surat keterangan ahli waris ada {payeeClass|label} yang didahulukan (Permenaker 4/2023 Pasal 57 ayat 4). Pilih penerima dari golongan itu, misalnya {payeeRelationship|label}.",
            "An heir related as \"{relationship|label}\" is in {heirClass|label}, but the heir certificate names heirs of {payeeClass|label}, who come first (Permenaker 4/2023 Pasal 57 ayat 4). Choose the payee from that class, for example the {payeeRelationship|label}."),
        ["heir.not-payee-rank"] = (
            "Di dalam golongan B1 orang tua didahulukan, lalu cucu, lalu kakek/nenek. Surat keterangan ahli waris menyebut {payeeRelationship|label}, jadi \"{relationship|label}\" bukan penerima. Pilih {payeeRelationship|label} sebagai penerima.",
            "Inside class B1 parents come first, then grandchildren, then grandparents. The heir certificate names a {payeeRelationship|label}, so the {relationship|label} is not the payee. Choose the {payeeRelationship|label} as the payee."),
        ["heir.not-recorded-reason"] = (
            "Penerima ini tidak tercatat sebagai ahli waris pada data pekerja. Tulis alasannya (misalnya: tercantum pada surat keterangan ahli waris tetapi belum pernah dicatat).",
            "This payee is not among the heirs recorded for the worker. Write why (for example: named on the heir certificate but never recorded)."),
        ["heir.guardian-required"] = (
            "Penerima masih di bawah umur ({age} tahun), jadi manfaat dibayarkan melalui wali yang disebut pada surat keterangan ahli waris. Isi nama wali.",
            "The payee is a minor ({age} years old), so the benefit is paid through the guardian named on the heir certificate. Enter the guardian's name."),
        ["heir.funeral-arranger-required"] = (
            "Surat keterangan ahli waris tidak menyebut ahli waris. Hanya biaya pemakaman yang dibayar, kepada pihak yang mengurus pemakaman: isi namanya.",
            "The heir certificate names no heir. Only the funeral component is paid, to whoever arranged the funeral: enter their name."),
        ["heir.none-jht"] = (
            "Tidak ada ahli waris pada surat keterangan ahli waris. Tanpa ahli waris saldo JHT tidak dibayarkan (hanya biaya pemakaman dari manfaat kematian). Tolak klaim ini dengan alasan \"bukan ahli waris\".",
            "The heir certificate names no heir. Without an heir the JHT balance is not paid (only the funeral component of the death benefit is). Reject this claim with the reason \"not an heir\"."),
        ["heir.reason-required"] = (
            "Tulis alasan perubahan ini (misalnya: salah ketik nama, perceraian, meninggal dunia). Alasan dicatat dalam riwayat.",
            "Write why this changes (for example: name mistyped, divorce, death). The reason is kept in the history."),
        ["heir.end-future"] = (
            "Tanggal berakhir tidak boleh setelah hari ini ({today|date}). Isi tanggal peristiwanya.",
            "The end date cannot be after today ({today|date}). Enter the date it happened."),

        // Claims: input (R-CLM-1..11).
        ["claim.type-required"] = (
            "Jenis klaim belum dipilih. Pilih manfaat yang diklaim.",
            "The claim type is missing. Choose the benefit being claimed."),
        ["claim.incident-required"] = (
            "Tanggal kejadian belum diisi. Isi tanggal meninggal, kecelakaan, gagal berangkat, kehilangan, atau berakhirnya hubungan kerja.",
            "The incident date is missing. Enter the date of the death, the accident, the failed departure, the loss or the end of employment."),
        ["claim.incident-future"] = (
            "Tanggal kejadian tidak boleh setelah hari ini ({today|date}). Periksa tanggalnya.",
            "The incident date cannot be after today ({today|date}). Check the date."),
        ["claim.incident-after-report"] = (
            "Tanggal kejadian tidak boleh setelah tanggal laporan ({reportedOn|date}). Periksa kedua tanggal.",
            "The incident date cannot be after the report date ({reportedOn|date}). Check both dates."),
        ["claim.report-future"] = (
            "Tanggal laporan tidak boleh setelah hari ini ({today|date}). Isi tanggal laporan pertama diterima.",
            "The report date cannot be after today ({today|date}). Enter the day the first report was received."),
        ["claim.claimed-amount-required"] = (
            "Untuk {type|label}, jumlah biaya yang dibuktikan dengan kuitansi wajib diisi: manfaatnya sebesar biaya itu, paling banyak batas yang berlaku. Isi jumlahnya dalam rupiah.",
            "For {type|label}, the cost proven by receipts is required: the benefit is that cost, up to the cap where there is one. Enter the amount in rupiah."),
        ["claim.claimed-amount-range"] = (
            "Jumlah yang diklaim harus bilangan bulat rupiah lebih dari 0. Periksa jumlah pada kuitansi.",
            "The claimed amount must be a whole number of rupiah above 0. Check the amount on the receipts."),
        ["claim.cause-required"] = (
            "Penyebab gagal berangkat belum dipilih (Pasal 27 ayat 3). Pilih penyebab sesuai surat keterangan dari P3MI atau dinas ketenagakerjaan.",
            "The cause of the failed departure is missing (Pasal 27 ayat 3). Choose it as stated by the placement agency or the manpower office."),
        ["claim.trigger-required"] = (
            "Alasan pengambilan JHT belum dipilih. Pilih: meninggal dunia, cacat total tetap, mencapai usia 56 tahun, atau gagal berangkat.",
            "The reason for the JHT withdrawal is missing. Choose: death, total permanent disability, reaching age 56, or failed departure."),
        ["claim.death-date"] = (
            "Kematian pekerja tercatat pada {diedOn|date}. Tanggal kejadian klaim kematian adalah tanggal meninggal, dan kecelakaan tidak mungkin terjadi sesudahnya: periksa tanggal kejadian, atau perbaiki tanggal kematian pada data pekerja.",
            "The worker's death is recorded on {diedOn|date}. A death claim's incident date is the date of death, and an accident cannot come after it: check the incident date, or correct the date of death on the worker's record."),
        ["claim.outcome-not-two-stage"] = (
            "Klaim {type|label} hanya memerlukan satu laporan (Pasal 45), tanpa laporan akibat. Lanjutkan dengan verifikasi dokumen.",
            "A claim for {type|label} needs a single report (Pasal 45), with no outcome report. Go on with the documents."),
        ["claim.outcome-required"] = (
            "Akibat kecelakaan belum dipilih. Pilih: sembuh, cacat, atau meninggal dunia.",
            "The outcome of the accident is missing. Choose: healed, disabled or died."),
        ["claim.outcome-type"] = (
            "Untuk {type|label}, akibatnya harus \"{expected|label}\". Bila akibatnya lain, laporkan jenis klaim yang sesuai.",
            "For {type|label}, the outcome must be \"{expected|label}\". If the outcome is different, report the matching claim type."),
        ["claim.outcome-date-required"] = (
            "Tanggal akibat (sembuh, cacat, atau meninggal dunia) belum diisi.",
            "The date of the outcome (healed, disabled or died) is missing."),
        ["claim.outcome-before-incident"] = (
            "Tanggal akibat tidak boleh sebelum tanggal kejadian ({incidentOn|date}). Periksa tanggalnya.",
            "The outcome date cannot be before the incident date ({incidentOn|date}). Check the date."),
        ["claim.outcome-future"] = (
            "Tanggal akibat tidak boleh setelah hari ini ({today|date}). Periksa tanggalnya.",
            "The outcome date cannot be after today ({today|date}). Check the date."),
        ["claim.outcome-death-date"] = (
            "Kematian pekerja tercatat pada {diedOn|date}; tanggal akibat \"meninggal dunia\" harus sama. Periksa tanggalnya.",
            "The worker's death is recorded on {diedOn|date}; the date of the outcome \"died\" must be the same. Check the date."),
        ["claim.reporter-role-required"] = (
            "Pelapor belum dipilih (Pasal 43 ayat 2). Pilih siapa yang melaporkan kejadian ini.",
            "The reporter is missing (Pasal 43 ayat 2). Choose who reports this incident."),
        ["claim.reporter-placement-only"] = (
            "{role|label} hanya melapor untuk kejadian selama penempatan di luar negeri; pada {incidentOn|date} pekerja tidak berada di luar negeri. Pilih pelapor lain, misalnya keluarga atau dinas ketenagakerjaan.",
            "The {role|label} reports only incidents during placement abroad; on {incidentOn|date} the worker was not abroad. Choose another reporter, for example the family or the manpower office."),
        ["claim.reporter-name-required"] = (
            "Nama pelapor belum diisi. Tulis nama orang atau lembaga yang melapor.",
            "The reporter's name is missing. Write the name of the person or body reporting."),
        ["claim.reporter-contact-required"] = (
            "Kontak pelapor (telepon atau email) belum diisi, agar petugas dapat menghubunginya.",
            "The reporter's contact (phone or e-mail) is missing; the officer needs it to reach them."),

        // Claims: why not eligible (R-CLM-1..4, R-CLM-7, R-CLM-9, R-CLM-11).
        ["claim.reason.no-rule-set"] = (
            "Pada {incidentOn|date} belum ada program jaminan sosial BPJS Ketenagakerjaan untuk pekerja migran (dimulai {firstOn|date}). Kejadian ini tidak dapat diklaim.",
            "On {incidentOn|date} there was no BPJS Ketenagakerjaan scheme for migrant workers yet (it started on {firstOn|date}). This incident cannot be claimed."),
        ["claim.reason.not-in-rule-set"] = (
            "{ruleSet}, yang berlaku pada tanggal kejadian {incidentOn|date}, tidak mengenal manfaat {type|label}. Klaim ini tidak dapat dibayar; periksa apakah manfaat lain berlaku.",
            "{ruleSet}, in force on the incident date {incidentOn|date}, has no benefit for {type|label}. This claim cannot be paid; check whether another benefit applies."),
        ["claim.reason.not-in-rule-set-yet"] = (
            "Manfaat {type|label} baru ada sejak {firstOn|date} ({laterRuleSet}). Kejadian pada {incidentOn|date} diatur oleh {ruleSet}, yang belum mengenal manfaat ini, dan klaim dinilai menurut aturan pada tanggal kejadian. Klaim ini tidak dapat dibayar.",
            "The benefit for {type|label} exists only since {firstOn|date} ({laterRuleSet}). An incident on {incidentOn|date} falls under {ruleSet}, which has no such benefit, and a claim is judged by the rules of its incident date. This claim cannot be paid."),
        ["claim.reason.expired"] = (
            "Klaim ini kedaluwarsa: untuk kejadian pada {incidentOn|date}, laporan paling lambat {lastReportOn|date} ({years} tahun menurut {ruleSet}), sedangkan laporan dibuat {reportedOn|date}. Klaim yang kedaluwarsa tidak dapat diterima.",
            "This claim has expired: for an incident on {incidentOn|date} the report was due by {lastReportOn|date} ({years} years under {ruleSet}), and it was made on {reportedOn|date}. An expired claim cannot be accepted."),
        ["claim.reason.before-registration"] = (
            "Kejadian pada {incidentOn|date} terjadi sebelum pekerja didaftarkan ({registeredOn|date}), jadi belum ada iuran dan belum ada perlindungan. Kejadian ini tidak ditanggung.",
            "The incident on {incidentOn|date} happened before the worker was registered ({registeredOn|date}), so nothing was paid and nothing was covered. This incident is not covered."),
        ["claim.reason.not-paid"] = (
            "Pada {incidentOn|date} belum ada iuran yang dibayar, jadi {programme|label} belum aktif. Perlindungan mulai pada tanggal iuran dibayar; kejadian sebelumnya tidak ditanggung.",
            "On {incidentOn|date} no contribution had been paid, so {programme|label} was not active. Cover starts on the day the contribution is paid; an incident before it is not covered."),
        ["claim.reason.lapsed"] = (
            "Perlindungan sebelum penempatan berakhir {lastCoveredUntil|date} dan pekerja belum berangkat, jadi pada {incidentOn|date} {programme|label} tidak aktif. Kejadian ini tidak ditanggung; iuran baru hanya melindungi mulai tanggal bayarnya.",
            "Pre-placement cover ended on {lastCoveredUntil|date} and the worker had not left, so on {incidentOn|date} {programme|label} was not active. This incident is not covered; a new payment covers only from its own date."),
        ["claim.reason.lapsed-undated"] = (
            "Masa perlindungan sebelum keberangkatan sudah lewat tanpa keberangkatan, jadi pada {incidentOn|date} {programme|label} tidak aktif. Kejadian ini tidak ditanggung; iuran baru hanya melindungi mulai tanggal bayarnya.",
            "The cover before departure had run out without a departure, so on {incidentOn|date} {programme|label} was not active. This incident is not covered; a new payment covers only from its own date."),
        ["claim.reason.awaiting-departure-payment"] = (
            "Pada {incidentOn|date} {programme|label} tidak aktif: perlindungan sebelum penempatan sudah berakhir atau iuran penempatan belum dibayar. Kejadian ini tidak ditanggung.",
            "On {incidentOn|date} {programme|label} was not active: the pre-placement cover had ended or the placement contribution was not paid. This incident is not covered."),
        ["claim.reason.individual-jkk-before-departure"] = (
            "Pada skema perseorangan, JKK baru mulai pada hari keberangkatan; sebelum berangkat hanya JKM (kematian) yang aktif (Permenaker 4/2023 Pasal 16 ayat 3). Kecelakaan pada {incidentOn|date} tidak ditanggung JKK.",
            "In the individual scheme JKK starts only on the day of departure; before it only JKM (death) is active (Permenaker 4/2023 Pasal 16 ayat 3). The accident on {incidentOn|date} is not covered by JKK."),
        ["claim.reason.departed-without-placement-payment"] = (
            "Pekerja berangkat {departedOn|date} tanpa iuran penempatan yang tercatat, jadi pada {incidentOn|date} {programme|label} tidak aktif. Periksa apakah iuran penempatan sudah dibayar dan dicatat; bila belum, kejadian ini tidak ditanggung.",
            "The worker left on {departedOn|date} with no placement contribution recorded, so on {incidentOn|date} {programme|label} was not active. Check whether the placement contribution was paid and recorded; if not, this incident is not covered."),
        ["claim.reason.ended"] = (
            "Perlindungan {programme|label} berakhir {lastCoveredUntil|date}, sebelum kejadian pada {incidentOn|date}. Kejadian ini tidak ditanggung.",
            "{programme|label} cover ended on {lastCoveredUntil|date}, before the incident on {incidentOn|date}. This incident is not covered."),
        ["claim.reason.ended-undated"] = (
            "Perlindungan {programme|label} sudah berakhir sebelum kejadian pada {incidentOn|date}. Kejadian ini tidak ditanggung.",
            "{programme|label} cover had ended before the incident on {incidentOn|date}. This incident is not covered."),
        ["claim.reason.failed-departure"] = (
            "Pekerja tercatat gagal berangkat pada {failedOn|date} dan perlindungannya berakhir hari itu, jadi kejadian pada {incidentOn|date} tidak ditanggung.",
            "The worker's departure is recorded as failed on {failedOn|date} and cover ended that day, so the incident on {incidentOn|date} is not covered."),
        ["claim.reason.deceased"] = (
            "Pekerja tercatat meninggal dunia pada {diedOn|date}, sebelum {incidentOn|date}; tidak ada perlindungan setelah tanggal itu. Periksa tanggal kejadian atau tanggal kematian yang tercatat.",
            "The worker is recorded as having died on {diedOn|date}, before {incidentOn|date}; there is no cover after that day. Check the incident date or the recorded date of death."),
        ["claim.reason.wrong-phase"] = (
            "Pada {incidentOn|date} pekerja dilindungi pada masa {phase|label}, sedangkan manfaat {type|label} hanya untuk kejadian pada masa {allowedPhase|label}. Periksa jenis klaim: manfaat lain mungkin berlaku.",
            "On {incidentOn|date} the worker was covered in the {phase|label} phase, and {type|label} is a benefit only for incidents in the {allowedPhase|label} phase. Check the claim type: another benefit may apply."),
        ["claim.reason.fault"] = (
            "Gagal berangkat karena {cause|label} tidak dibayar: manfaat ini hanya untuk kegagalan yang bukan kesalahan calon pekerja, tidak disebabkan P3MI, dan bukan karena kebijakan pemerintah (Pasal 27 ayat 3).",
            "A failed departure because of {cause|label} is not paid: the benefit is only for a failure that is no fault of the candidate, not caused by the placement agency and not due to a government policy (Pasal 27 ayat 3)."),
        ["claim.reason.failed-departure-not-recorded"] = (
            "Gagal berangkat belum dicatat pada data pekerja. Catat dulu gagal berangkat dengan tanggal {incidentOn|date}, lalu nilai kembali klaim ini.",
            "The failed departure is not recorded on the worker's record. Record it first, dated {incidentOn|date}, then assess this claim again."),
        ["claim.reason.failed-departure-other-date"] = (
            "Gagal berangkat tercatat pada {failedOn|date}, bukan {incidentOn|date}. Tanggal kejadian klaim adalah tanggal gagal berangkat yang tercatat: perbaiki salah satu tanggal.",
            "The failed departure is recorded on {failedOn|date}, not {incidentOn|date}. The claim's incident date is the recorded date of the failed departure: correct one of the two."),
        ["claim.reason.jht-death-not-recorded"] = (
            "JHT karena meninggal dunia dibayar setelah kematian tercatat. Catat kematian pada {incidentOn|date} di data pekerja (atau laporkan klaim kematiannya), lalu nilai kembali klaim ini.",
            "JHT on death is paid once the death is recorded. Record the death on {incidentOn|date} on the worker's record (or report the death claim), then assess this claim again."),
        ["claim.reason.jht-failed-departure-not-recorded"] = (
            "JHT karena gagal berangkat dibayar setelah gagal berangkat tercatat pada tanggal kejadian ({incidentOn|date}). Catat dulu gagal berangkat di data pekerja, lalu nilai kembali klaim ini.",
            "JHT on a failed departure is paid once the failed departure is recorded on the incident date ({incidentOn|date}). Record it on the worker's record first, then assess this claim again."),
        ["claim.reason.jht-age"] = (
            "JHT karena usia dapat diambil mulai usia 56 tahun; pekerja berusia 56 tahun pada {reachesOn|date}. Ajukan lagi pada atau setelah tanggal itu.",
            "JHT can be withdrawn for age from 56; the worker turns 56 on {reachesOn|date}. Apply again on or after that day."),
        ["claim.reason.jht-not-enrolled"] = (
            "Tidak ada iuran JHT yang tercatat untuk pekerja ini, jadi saldo JHT nol dan tidak ada yang dapat diambil.",
            "No JHT contribution is recorded for this worker, so the JHT balance is zero and there is nothing to withdraw."),
        ["claim.reason.jht-already-withdrawn"] = (
            "Saldo JHT sudah diambil seluruhnya ({withdrawn|money}) melalui klaim sebelumnya. Tidak ada saldo yang tersisa.",
            "The JHT balance has already been withdrawn in full ({withdrawn|money}) by an earlier claim. Nothing is left."),
        ["claim.reason.duplicate"] = (
            "Sudah ada klaim {type|label} untuk pekerja ini dengan tanggal kejadian {incidentOn|date} (status: {state|label}). Lanjutkan klaim yang ada; jangan membuat klaim kedua.",
            "A claim for {type|label} with the incident date {incidentOn|date} exists already for this worker (state: {state|label}). Continue that claim; do not report it twice."),
        ["claim.reason.other-death-claim"] = (
            "Sudah ada klaim {otherType|label} untuk pekerja ini (kejadian {otherIncidentOn|date}). Manfaat kematian (JKM) dan kematian karena kecelakaan kerja (JKK) tidak dibayar keduanya untuk satu pekerja. Lanjutkan klaim yang ada, atau tolak dulu klaim itu bila jenisnya salah.",
            "A claim for {otherType|label} exists already for this worker (incident {otherIncidentOn|date}). The death benefit (JKM) and the work-accident death benefit (JKK) are not both paid for one worker. Continue that claim, or reject it first if its type is wrong."),

        // Claims: workflow (R-CLM-8, R-CLM-9, R-PAY-2).
        ["claim.state"] = (
            "Langkah \"{action|label}\" tidak dapat dilakukan pada klaim berstatus \"{state|label}\". Lihat langkah yang ditunggu klaim ini.",
            "The step \"{action|label}\" is not possible for a claim in the state \"{state|label}\". See which step this claim waits for."),
        ["claim.documents-locked"] = (
            "Dokumen tidak dapat diubah lagi karena klaim sudah berstatus \"{state|label}\".",
            "The documents can no longer change: the claim is already \"{state|label}\"."),
        ["claim.documents-incomplete"] = (
            "Belum semua dokumen wajib diverifikasi ({count} belum, antara lain \"{document|label}\"). Verifikasi dokumen itu dulu, lalu ulangi.",
            "Not every required document is verified ({count} missing, among them \"{document|label}\"). Verify them first, then try again."),
        ["claim.four-eyes"] = (
            "Persetujuan harus dilakukan oleh petugas lain, bukan petugas yang memverifikasi klaim ini (prinsip empat mata). Minta rekan yang berwenang untuk menyetujui.",
            "Approval must come from another staff member than the one who verified this claim (four eyes). Ask an authorised colleague to approve it."),
        ["claim.pay-reference-required"] = (
            "Nomor referensi pembayaran belum diisi. Salin nomor dari bukti transfer.",
            "The payment reference is missing. Copy it from the transfer receipt."),
        ["claim.pay-date-required"] = (
            "Tanggal pembayaran belum diisi. Isi tanggal pada bukti transfer.",
            "The payment date is missing. Enter the date on the transfer receipt."),
        ["claim.pay-future"] = (
            "Tanggal pembayaran tidak boleh setelah hari ini ({today|date}). Isi tanggal pada bukti transfer.",
            "The payment date cannot be after today ({today|date}). Enter the date on the transfer receipt."),
        ["claim.pay-before-approval"] = (
            "Tanggal pembayaran tidak boleh sebelum klaim disetujui ({approvedOn|date}). Periksa tanggal pada bukti transfer.",
            "The payment date cannot be before the claim was approved ({approvedOn|date}). Check the date on the transfer receipt."),
        ["claim.already-paid"] = (
            "Klaim ini sudah dibayar dengan referensi {reference} pada {paidOn|date}. Klaim dibayar satu kali; periksa referensi pada bukti transfer.",
            "This claim was paid already, with the reference {reference} on {paidOn|date}. A claim is paid once; check the reference on the transfer receipt."),
        ["claim.reference-used"] = (
            "Nomor referensi {reference} sudah dipakai untuk pembayaran lain. Periksa referensi pada bukti transfer.",
            "The reference {reference} is already used by another payment. Check the reference on the transfer receipt."),
        ["claim.reject-reason-required"] = (
            "Alasan penolakan belum dipilih. Pilih alasan yang paling sesuai dari daftar.",
            "The reason for the rejection is missing. Choose the one that fits best from the list."),
        ["claim.reject-text-required"] = (
            "Tulis penjelasan penolakan untuk keluarga dan arsip (misalnya sampai kapan perlindungan berlaku).",
            "Write the explanation of the rejection for the family and the file (for example until when cover ran)."),

        // Claims: how the amount was computed (R-CLM-10, R-CLM-11, R-HEIR-5).
        ["claim.amount.fixed"] = (
            "{amount|money}, jumlah tetap menurut {ruleSet}.",
            "{amount|money}, a fixed amount under {ruleSet}."),
        ["claim.amount.fixed-phase"] = (
            "{amount|money}, jumlah tetap untuk kematian pada masa {phase|label} menurut {ruleSet}.",
            "{amount|money}, the fixed amount for a death in the {phase|label} phase under {ruleSet}."),
        ["claim.amount.funeral-only"] = (
            "{amount|money}: tidak ada ahli waris, jadi hanya biaya pemakaman yang dibayar, kepada pihak yang mengurus pemakaman ({ruleSet}).",
            "{amount|money}: there is no heir, so only the funeral component is paid, to whoever arranged the funeral ({ruleSet})."),
        ["claim.amount.cap-applied"] = (
            "{amount|money}: biaya yang dibuktikan {claimedAmount|money} melebihi batas {cap|money} menurut {ruleSet}, jadi dibayar sebesar batas.",
            "{amount|money}: the proven cost of {claimedAmount|money} is above the cap of {cap|money} under {ruleSet}, so the cap is paid."),
        ["claim.amount.cap-within"] = (
            "{amount|money}: biaya yang dibuktikan, tidak melebihi batas {cap|money} menurut {ruleSet}.",
            "{amount|money}: the proven cost, not above the cap of {cap|money} under {ruleSet}."),
        ["claim.amount.claimed"] = (
            "{amount|money}: biaya yang dibuktikan; {ruleSet} tidak memberi batas.",
            "{amount|money}: the proven cost; {ruleSet} sets no cap."),
        ["claim.amount.balance"] = (
            "{amount|money}: saldo JHT, yaitu jumlah iuran JHT yang dibayar ({contributions|money}).",
            "{amount|money}: the JHT balance, the sum of the JHT contributions paid ({contributions|money})."),
        ["claim.amount.balance-after-withdrawal"] = (
            "{amount|money}: saldo JHT, yaitu iuran JHT {contributions|money} dikurangi {withdrawn|money} yang sudah diambil.",
            "{amount|money}: the JHT balance, JHT contributions of {contributions|money} less {withdrawn|money} already withdrawn."),
    };

    private static readonly Dictionary<string, (string Id, string En)> ClaimLabels = new(StringComparer.Ordinal)
    {
        ["claim-type:death"] = ("kematian (bukan karena kecelakaan kerja)", "death (not from a work accident)"),
        ["claim-type:work-accident-death"] = ("kematian karena kecelakaan kerja", "death from a work accident"),
        ["claim-type:failed-departure"] = ("gagal berangkat", "failed departure"),
        ["claim-type:treatment-abroad"] = ("perawatan kecelakaan kerja di luar negeri", "work-accident treatment abroad"),
        ["claim-type:home-care"] = ("perawatan di rumah setelah kecelakaan kerja", "home care after a work accident"),
        ["claim-type:rape"] = ("pemerkosaan (terbukti)", "rape (proven)"),
        ["claim-type:placed-against-agreement"] = ("ditempatkan tidak sesuai perjanjian kerja", "placement against the work agreement"),
        ["claim-type:journey-home-loss"] = ("kehilangan dalam perjalanan pulang", "loss on the journey home"),
        ["claim-type:unilateral-termination"] = ("pemutusan hubungan kerja sepihak", "unilateral termination of employment"),
        ["claim-type:total-permanent-disability"] = ("cacat total tetap", "total permanent disability"),
        ["claim-type:medical-care"] = ("perawatan medis kecelakaan kerja", "work-accident medical care"),
        ["claim-type:jht-withdrawal"] = ("pengambilan saldo JHT", "JHT withdrawal"),

        ["programme:jkk"] = ("JKK (Jaminan Kecelakaan Kerja)", "JKK (work accident)"),
        ["programme:jkm"] = ("JKM (Jaminan Kematian)", "JKM (death)"),
        ["programme:jht"] = ("JHT (Jaminan Hari Tua)", "JHT (old-age savings)"),

        ["cover-phase:pre-placement"] = ("sebelum penempatan", "pre-placement"),
        ["cover-phase:placement"] = ("penempatan", "placement"),
        ["cover-phase:post-placement"] = ("setelah penempatan", "post-placement"),

        ["claim-reason:not-paid"] = ("belum ada iuran", "not paid"),
        ["claim-reason:lapsed"] = ("perlindungan sebelum penempatan habis", "lapsed"),
        ["claim-reason:awaiting-departure-payment"] = ("menunggu iuran penempatan atau keberangkatan", "awaiting departure or the placement payment"),
        ["claim-reason:ended"] = ("perlindungan sudah berakhir", "cover ended"),
        ["claim-reason:failed-departure"] = ("sudah gagal berangkat sebelumnya", "failed departure recorded before"),
        ["claim-reason:deceased"] = ("sudah meninggal dunia sebelumnya", "died before"),
        ["claim-reason:not-enrolled"] = ("tidak ada iuran JHT", "no JHT contributions"),
        ["claim-reason:wrong-phase"] = ("masa perlindungan tidak sesuai", "wrong phase"),
        ["claim-reason:not-in-rule-set"] = ("tidak ada dalam aturan pada tanggal kejadian", "not in the rule set of the incident date"),
        ["claim-reason:expired"] = ("kedaluwarsa", "expired"),
        ["claim-reason:fault"] = ("kesalahan calon pekerja, P3MI, atau kebijakan pemerintah", "fault of the candidate, the agency or a government policy"),
        ["claim-reason:stage-not-recorded"] = ("peristiwa belum dicatat pada data pekerja", "not recorded on the worker's record"),
        ["claim-reason:no-trigger"] = ("syarat pengambilan JHT belum terpenuhi", "no JHT withdrawal trigger"),
        ["claim-reason:duplicate"] = ("klaim ganda", "duplicate claim"),

        ["claim-state:reported"] = ("dilaporkan", "reported"),
        ["claim-state:awaiting-outcome"] = ("menunggu laporan akibat", "awaiting the outcome"),
        ["claim-state:submitted"] = ("diajukan", "submitted"),
        ["claim-state:documents-complete"] = ("dokumen lengkap", "documents complete"),
        ["claim-state:verified"] = ("diverifikasi", "verified"),
        ["claim-state:approved"] = ("disetujui", "approved"),
        ["claim-state:paid"] = ("dibayar", "paid"),
        ["claim-state:rejected"] = ("ditolak", "rejected"),

        ["claim-waits:reported"] = ("tidak memenuhi syarat: menunggu data baru atau penolakan", "not eligible: waits for new facts or a rejection"),
        ["claim-waits:awaiting-outcome"] = ("menunggu laporan kedua: akibat kecelakaan", "waits for the second report: the outcome"),
        ["claim-waits:submitted"] = ("menunggu dokumen", "waits for the documents"),
        ["claim-waits:missing"] = ("{0} dokumen wajib belum diverifikasi", "{0} required documents not verified yet"),
        ["claim-waits:documents-complete"] = ("menunggu verifikasi", "waits for verification"),
        ["claim-waits:verified"] = ("menunggu persetujuan petugas lain", "waits for approval by another staff member"),
        ["claim-waits:approved"] = ("menunggu pembayaran", "waits for payment"),
        ["claim-waits:paid"] = ("selesai: sudah dibayar", "done: paid"),
        ["claim-waits:rejected"] = ("selesai: ditolak", "done: rejected"),

        ["claim-action:submit"] = ("ajukan", "submit"),
        ["claim-action:record-outcome"] = ("catat akibat", "record the outcome"),
        ["claim-action:complete-documents"] = ("lengkapi dokumen", "complete the documents"),
        ["claim-action:reopen-documents"] = ("buka kembali dokumen", "reopen the documents"),
        ["claim-action:verify"] = ("verifikasi", "verify"),
        ["claim-action:approve"] = ("setujui", "approve"),
        ["claim-action:pay"] = ("bayar", "pay"),
        ["claim-action:reject"] = ("tolak", "reject"),

        ["heir-relationship:spouse"] = ("suami/istri", "spouse"),
        ["heir-relationship:child"] = ("anak", "child"),
        ["heir-relationship:parent"] = ("orang tua", "parent"),
        ["heir-relationship:grandchild"] = ("cucu", "grandchild"),
        ["heir-relationship:grandparent"] = ("kakek/nenek", "grandparent"),
        ["heir-relationship:sibling"] = ("saudara kandung", "sibling"),
        ["heir-relationship:parent-in-law"] = ("mertua", "parent-in-law"),
        ["heir-relationship:will-designee"] = ("penerima wasiat (wasiat notaris)", "person named in the notarial will"),

        ["heir-class:a"] = ("golongan A (janda/duda dan anak)", "class A (widow or widower and children)"),
        ["heir-class:b1"] = ("golongan B1 (orang tua, cucu, kakek/nenek)", "class B1 (parents, grandchildren, grandparents)"),
        ["heir-class:b2"] = ("golongan B2 (saudara kandung)", "class B2 (siblings)"),
        ["heir-class:b3"] = ("golongan B3 (mertua)", "class B3 (parents-in-law)"),
        ["heir-class:b4"] = ("golongan B4 (penerima wasiat)", "class B4 (the person named in the will)"),

        ["reporter-role:placement-agency"] = ("P3MI (perusahaan penempatan)", "placement agency (P3MI)"),
        ["reporter-role:candidate"] = ("calon pekerja", "candidate"),
        ["reporter-role:worker"] = ("pekerja", "worker"),
        ["reporter-role:family"] = ("keluarga", "family"),
        ["reporter-role:health-facility"] = ("fasilitas kesehatan", "health facility"),
        ["reporter-role:director-general"] = ("Direktur Jenderal", "Director General"),
        ["reporter-role:bp2mi"] = ("BP2MI/KP2MI", "BP2MI/KP2MI"),
        ["reporter-role:provincial-office"] = ("dinas ketenagakerjaan provinsi", "provincial manpower office"),
        ["reporter-role:district-office"] = ("dinas ketenagakerjaan kabupaten/kota", "district manpower office"),
        ["reporter-role:mission"] = ("Perwakilan RI (kedutaan, konsulat) atau KDEI", "Indonesian mission (embassy, consulate) or KDEI"),
        ["reporter-role:employer"] = ("pemberi kerja", "employer"),

        ["failed-departure-cause:employer-withdrew"] = ("pemberi kerja membatalkan", "the employer withdrew"),
        ["failed-departure-cause:visa-refused"] = ("visa ditolak", "the visa was refused"),
        ["failed-departure-cause:medical-after-payment"] = ("tidak lulus pemeriksaan kesehatan setelah membayar iuran", "a failed medical after the payment"),
        ["failed-departure-cause:other"] = ("penyebab lain, bukan kesalahan calon pekerja", "another cause, no fault of the candidate"),
        ["failed-departure-cause:candidate-fault"] = ("kesalahan calon pekerja", "the candidate's own fault"),
        ["failed-departure-cause:agency-fault"] = ("kesalahan P3MI", "the placement agency"),
        ["failed-departure-cause:government-policy"] = ("kebijakan pemerintah", "a government policy"),

        ["claim-outcome:healed"] = ("sembuh", "healed"),
        ["claim-outcome:disabled"] = ("cacat", "disabled"),
        ["claim-outcome:died"] = ("meninggal dunia", "died"),

        ["rejection-reason:not-covered"] = ("tidak dilindungi pada tanggal kejadian", "not covered on the incident date"),
        ["rejection-reason:wrong-phase"] = ("masa perlindungan tidak sesuai", "wrong phase"),
        ["rejection-reason:not-in-rule-set"] = ("tidak ada dalam aturan pada tanggal kejadian", "not in the rule set of the incident date"),
        ["rejection-reason:expired"] = ("kedaluwarsa", "expired"),
        ["rejection-reason:fault"] = ("kesalahan calon pekerja, P3MI, atau kebijakan pemerintah", "fault of the candidate, the agency or a government policy"),
        ["rejection-reason:not-heir"] = ("bukan ahli waris yang berhak", "not the entitled heir"),
        ["rejection-reason:duplicate"] = ("klaim ganda", "duplicate claim"),
        ["rejection-reason:other"] = ("alasan lain", "other reason"),

        ["amount-basis:fixed"] = ("jumlah tetap", "fixed amount"),
        ["amount-basis:cap"] = ("biaya terbukti, paling banyak batasnya", "proven cost up to the cap"),
        ["amount-basis:claimed"] = ("biaya terbukti", "proven cost"),
        ["amount-basis:balance"] = ("saldo JHT", "JHT balance"),

        ["jht-trigger:death"] = ("meninggal dunia", "death"),
        ["jht-trigger:total-permanent-disability"] = ("cacat total tetap", "total permanent disability"),
        ["jht-trigger:retirement-age"] = ("mencapai usia 56 tahun", "reaching age 56"),
        ["jht-trigger:failed-departure"] = ("gagal berangkat", "failed departure"),

        ["claim-document:membership-card"] = ("kartu peserta BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan membership card"),
        ["claim-document:deceased-id"] = ("KTP atau paspor peserta yang meninggal", "ID card or passport of the deceased"),
        ["claim-document:payee-id"] = ("KTP ahli waris penerima", "ID card of the payee heir"),
        ["claim-document:family-card"] = ("Kartu Keluarga", "family card (Kartu Keluarga)"),
        ["claim-document:death-certificate"] = ("akta atau surat keterangan kematian (bila hilang di laut: surat Perwakilan RI atau KDEI)", "death certificate (when missing at sea: the letter of the mission or KDEI)"),
        ["claim-document:heir-certificate"] = ("surat keterangan ahli waris dari pejabat berwenang", "heir certificate from the competent official"),
        ["claim-document:payee-savings-book"] = ("buku tabungan atas nama ahli waris penerima", "savings book in the payee heir's name"),
        ["claim-document:leave-letter"] = ("surat cuti (bila meninggal saat cuti di Indonesia)", "leave letter (for a death on leave in Indonesia)"),
        ["claim-document:passport"] = ("paspor pekerja", "the worker's passport"),
        ["claim-document:employer-statement"] = ("surat keterangan dari pemberi kerja, Perwakilan RI, KDEI, atau otoritas ketenagakerjaan", "statement from the employer, the mission, KDEI or the manpower authority"),
        ["claim-document:medical-summary"] = ("diagnosis atau resume medis", "diagnosis or medical summary"),
        ["claim-document:receipts"] = ("kuitansi biaya", "receipts of the costs"),
        ["claim-document:payee-account"] = ("rekening bank penerima", "bank account of the payee"),
        ["claim-document:id-or-passport"] = ("KTP atau paspor", "ID card or passport"),
        ["claim-document:doctor-letter"] = ("surat keterangan dokter", "doctor's letter"),
        ["claim-document:cause-statement"] = ("surat keterangan penyebab gagal berangkat dari P3MI atau dinas ketenagakerjaan", "statement of the cause from the placement agency or the manpower office"),
        ["claim-document:loss-report"] = ("laporan kehilangan dari pihak berwenang", "the authority's report of the loss"),
        ["claim-document:id-card"] = ("KTP", "ID card (KTP)"),
        ["claim-document:disability-statement"] = ("surat keterangan dokter tentang cacat total tetap", "doctor's statement of total permanent disability"),
    };

    // Merge hook: the claims texts join the one lookup of Format and Label.
    static RuleText()
    {
        foreach (var (key, texts) in ClaimMessages)
        {
            Messages.Add(key, texts);
        }

        foreach (var (key, texts) in ClaimLabels)
        {
            Labels.Add(key, texts);
        }
    }

    /// <summary>The message keys of heirs and claims (a subset of <see cref="MessageKeys"/>).</summary>
    public static IReadOnlyCollection<string> ClaimMessageKeys => ClaimMessages.Keys;

    /// <summary>The label keys of heirs and claims (<c>type-name:code</c>).</summary>
    public static IReadOnlyCollection<string> ClaimLabelKeys => ClaimLabels.Keys;

    /// <summary>
    /// An enumeration value in the language: the heir and claim enumerations under their own
    /// <c>type-name:code</c> key, the others (stage, category, …) as <see cref="Label(string, string?)"/> of their code.
    /// </summary>
    public static string Label<T>(T value, string? language)
        where T : struct, Enum
    {
        var key = LabelKey(value);
        return Labels.ContainsKey(key) ? Label(key, language) : Label(Codes.Of(value), language);
    }

    /// <summary>A checklist item (R-CLM-8) in the language, or its code when unknown (lists are admin data).</summary>
    public static string ClaimDocumentLabel(string code, string? language)
    {
        var key = ClaimArg.Document(code);
        return Labels.ContainsKey(key) ? Label(key, language) : code;
    }

    /// <summary>Renders an explanation (how an amount was computed) like a failure.</summary>
    public static string Format(RuleNote note, string? language) =>
        Format(new RuleFailure(note.RuleId, note.Key, null, note.Args), language);

    internal static string LabelKey<T>(T value)
        where T : struct, Enum => LabelPrefix<T>.Value + Codes.Of(value);

    private static class LabelPrefix<T>
        where T : struct, Enum
    {
        public static readonly string Value = Codes.Kebab(typeof(T).Name) + ":";
    }
}

/// <summary>Arguments of the heir and claim texts that <see cref="RuleText"/> renders as labels.</summary>
internal static class ClaimArg
{
    public static string Label<T>(T value)
        where T : struct, Enum => RuleText.LabelKey(value);

    public static string Document(string code) => "claim-document:" + code;
}
