namespace MigrantCover.Domain;

/// <summary>R-HEIR-3: an heir as the officer enters it (registration body or heir form); anything may be missing.</summary>
public sealed record HeirFacts
{
    public string? FullName { get; init; }

    public HeirRelationship? Relationship { get; init; }

    public Sex? Sex { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Optional; when given it follows R-NIK-1..3 against the heir's own date of birth and sex.</summary>
    public string? Nik { get; init; }

    /// <summary>Optional; no rule in the rule book (the web validators check its shape).</summary>
    public string? Phone { get; init; }
}

/// <summary>
/// R-HEIR-1/2: who may be paid among <typeparamref name="T"/> heirs. <see cref="Class"/> is the highest
/// non-empty class, null when there is no heir (R-HEIR-5). <see cref="Payees"/> are the heirs of that
/// class (inside B1 only those of the first non-empty rank); <see cref="Others"/> are everyone else.
/// </summary>
public sealed record PayeeChoice<T>(HeirClass? Class, IReadOnlyList<T> Payees, IReadOnlyList<T> Others)
{
    public bool NoHeir => Class is null;
}

/// <summary>
/// R-HEIR-4/5: the payee of a death benefit (or of JHT on death), checked against the heir certificate.
/// </summary>
public sealed record PayeeFacts
{
    /// <summary>The payee's relationship to the worker; null when the certificate names no heir (R-HEIR-5).</summary>
    public HeirRelationship? Relationship { get; init; }

    /// <summary>Every heir on the heir certificate, the payee included (pre-filled from the recorded heirs).</summary>
    public IReadOnlyList<HeirRelationship> CertificateHeirs { get; init; } = [];

    /// <summary>False when the payee is not one of the heirs recorded up front: the officer says why.</summary>
    public bool IsRecordedHeir { get; init; } = true;

    public string? NotRecordedReason { get; init; }

    /// <summary>To tell a minor payee (paid through the guardian named on the certificate).</summary>
    public DateOnly? DateOfBirth { get; init; }

    public string? GuardianName { get; init; }

    /// <summary>R-HEIR-5: with no heir, who arranged the funeral (and receives the funeral component).</summary>
    public string? FuneralArrangerName { get; init; }
}

/// <summary>§13: heirs (ahli waris), their classes, the payee of a death benefit, and masking.</summary>
public static class Heirs
{
    /// <summary>R-HEIR-1 (Permenaker 4/2023 Pasal 57 ayat 4): the class follows from the relationship.</summary>
    public static HeirClass ClassOf(HeirRelationship relationship) => relationship switch
    {
        HeirRelationship.Spouse or HeirRelationship.Child => HeirClass.A,
        HeirRelationship.Parent or HeirRelationship.Grandchild or HeirRelationship.Grandparent => HeirClass.B1,
        HeirRelationship.Sibling => HeirClass.B2,
        HeirRelationship.ParentInLaw => HeirClass.B3,
        HeirRelationship.WillDesignee => HeirClass.B4,
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, null),
    };

    /// <summary>The API's class code: "A", "B1", "B2", "B3", "B4" (not lowercase like the other codes).</summary>
    public static string ClassCode(HeirClass heirClass) => heirClass.ToString();

    /// <summary>
    /// R-HEIR-2 (interpretation): inside B1, parents (0), then grandchildren (1), then grandparents (2);
    /// 0 for every relationship of the other classes (no order inside them).
    /// </summary>
    public static int RankInClass(HeirRelationship relationship) => relationship switch
    {
        HeirRelationship.Grandchild => 1,
        HeirRelationship.Grandparent => 2,
        _ => 0,
    };

    /// <summary>R-HEIR-3: every failure of one heir. <paramref name="fieldPrefix"/> is "" or, in a list, "heirs[0].".</summary>
    public static IReadOnlyList<RuleFailure> Check(HeirFacts heir, string? workerNik, DateOnly today, string fieldPrefix = "")
    {
        var failures = new List<RuleFailure>();
        if (string.IsNullOrWhiteSpace(heir.FullName))
        {
            failures.Add(RuleFailure.Of("R-HEIR-3", "heir.name-required", fieldPrefix + "fullName"));
        }

        if (heir.Relationship is null)
        {
            failures.Add(RuleFailure.Of("R-HEIR-3", "heir.relationship-required", fieldPrefix + "relationship"));
        }

        if (heir.Sex is null)
        {
            failures.Add(RuleFailure.Of("R-HEIR-3", "heir.sex-required", fieldPrefix + "sex"));
        }

        var dobField = fieldPrefix + "dateOfBirth";
        if (heir.DateOfBirth is not { } dob)
        {
            failures.Add(RuleFailure.Of("R-HEIR-3", "heir.dob-required", dobField));
        }
        else if (dob > today)
        {
            // R-HEIR-3 with R-AGE-2: not in the future.
            failures.Add(RuleFailure.Of("R-HEIR-3", "heir.dob-future", dobField, ("today", Arg.Date(today))));
        }
        else if (dob < today.AddYears(-Age.MaximumYearsAgo))
        {
            // R-HEIR-3 with R-AGE-2: not more than 100 years ago.
            failures.Add(RuleFailure.Of("R-HEIR-3", "heir.dob-too-old", dobField, ("earliestOn", Arg.Date(today.AddYears(-Age.MaximumYearsAgo)))));
        }

        var nik = heir.Nik?.Trim();
        if (!string.IsNullOrEmpty(nik))
        {
            var nikField = fieldPrefix + "nik";
            if (heir.DateOfBirth is { } d && heir.Sex is { } sex)
            {
                // R-HEIR-3: when given, R-NIK-1..3 against the heir's own date of birth and sex.
                foreach (var f in Nik.CheckAgainst(nik, d, sex))
                {
                    failures.Add(f with { Field = nikField });
                }
            }
            else if (!Nik.TryParse(nik, out _, out var shape))
            {
                failures.Add(shape! with { Field = nikField });
            }

            // R-HEIR-3: not the worker's own NIK.
            if (string.Equals(nik, workerNik?.Trim(), StringComparison.Ordinal))
            {
                failures.Add(RuleFailure.Of("R-HEIR-3", "heir.nik-worker", nikField));
            }
        }

        return failures;
    }

    /// <summary>
    /// R-HEIR-3 for the heirs of a registration body: each heir under <c>heirs[i].</c>, and one NIK
    /// names one heir (interpretation).
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckAll(IReadOnlyList<HeirFacts> heirs, string? workerNik, DateOnly today, string listField = "heirs")
    {
        var failures = new List<RuleFailure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < heirs.Count; i++)
        {
            var prefix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{listField}[{i}].");
            failures.AddRange(Check(heirs[i], workerNik, today, prefix));
            var nik = heirs[i].Nik?.Trim();
            if (!string.IsNullOrEmpty(nik) && !seen.Add(nik))
            {
                failures.Add(RuleFailure.Of("R-HEIR-3", "heir.nik-duplicate", prefix + "nik"));
            }
        }

        return failures;
    }

    /// <summary>
    /// R-HEIR-3 on the worker's record (interpretation, as for a registration's list): one NIK names one heir,
    /// so a NIK already recorded for another heir who has not ended is refused on <paramref name="field"/>.
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckNikRecorded(string? nik, IEnumerable<string?> otherLiveHeirNiks, string field = "nik")
    {
        var given = nik?.Trim();
        return !string.IsNullOrEmpty(given) && otherLiveHeirNiks.Any(n => string.Equals(n?.Trim(), given, StringComparison.Ordinal))
            ? [RuleFailure.Of("R-HEIR-3", "heir.nik-recorded", field)]
            : [];
    }

    /// <summary>
    /// R-HEIR-1/2: the highest non-empty class among <paramref name="heirs"/> and who in it may be
    /// paid. Works on any row type (recorded heirs, certificate entries) through <paramref name="relationshipOf"/>.
    /// </summary>
    public static PayeeChoice<T> Choose<T>(IEnumerable<T> heirs, Func<T, HeirRelationship> relationshipOf)
    {
        var all = heirs.ToArray();
        if (all.Length == 0)
        {
            // R-HEIR-5: no heir.
            return new PayeeChoice<T>(null, [], []);
        }

        var best = all.Min(h => (Class: ClassOf(relationshipOf(h)), Rank: RankInClass(relationshipOf(h))));
        var payees = new List<T>();
        var others = new List<T>();
        foreach (var h in all)
        {
            var r = relationshipOf(h);
            (ClassOf(r) == best.Class && RankInClass(r) == best.Rank ? payees : others).Add(h);
        }

        return new PayeeChoice<T>(best.Class, payees, others);
    }

    /// <summary>R-HEIR-1/2 over relationships alone.</summary>
    public static PayeeChoice<HeirRelationship> Choose(IEnumerable<HeirRelationship> heirs) => Choose(heirs, static r => r);

    /// <summary>
    /// R-HEIR-4/5: the payee belongs to the highest non-empty class on the certificate (else
    /// <c>not-heir</c>); a payee who is not a recorded heir needs a reason; a minor is paid through a
    /// guardian; with no heir, the funeral component goes to whoever arranged the funeral.
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckPayee(PayeeFacts payee, DateOnly on)
    {
        var failures = new List<RuleFailure>();
        var choice = Choose(payee.CertificateHeirs);
        if (choice.NoHeir)
        {
            if (payee.Relationship is { } named)
            {
                failures.Add(RuleFailure.Of("R-HEIR-4", "heir.payee-not-on-certificate", "payeeHeirId", ("relationship", ClaimArg.Label(named))));
            }

            if (string.IsNullOrWhiteSpace(payee.FuneralArrangerName))
            {
                failures.Add(RuleFailure.Of("R-HEIR-5", "heir.funeral-arranger-required", "funeralArrangerName"));
            }

            return failures;
        }

        if (payee.Relationship is not { } relationship)
        {
            failures.Add(RuleFailure.Of("R-HEIR-4", "heir.payee-required", "payeeHeirId"));
            return failures;
        }

        if (!payee.CertificateHeirs.Contains(relationship))
        {
            failures.Add(RuleFailure.Of("R-HEIR-4", "heir.payee-not-on-certificate", "payeeHeirId", ("relationship", ClaimArg.Label(relationship))));
        }
        else if (!choice.Payees.Contains(relationship))
        {
            var sameClass = ClassOf(relationship) == choice.Class;

            // R-HEIR-4 (and R-HEIR-2 inside B1): not of the class (or rank) that is paid.
            failures.Add(RuleFailure.Of(
                sameClass ? "R-HEIR-2" : "R-HEIR-4",
                sameClass ? "heir.not-payee-rank" : "heir.not-payee-class",
                "payeeHeirId",
                ("relationship", ClaimArg.Label(relationship)),
                ("heirClass", ClaimArg.Label(ClassOf(relationship))),
                ("payeeClass", ClaimArg.Label(choice.Class!.Value)),
                ("payeeRelationship", ClaimArg.Label(choice.Payees[0]))));
        }

        if (!payee.IsRecordedHeir && string.IsNullOrWhiteSpace(payee.NotRecordedReason))
        {
            failures.Add(RuleFailure.Of("R-HEIR-4", "heir.not-recorded-reason", "notRecordedReason"));
        }

        if (payee.DateOfBirth is { } dob && Age.On(dob, on) < Age.Minimum && string.IsNullOrWhiteSpace(payee.GuardianName))
        {
            failures.Add(RuleFailure.Of("R-HEIR-4", "heir.guardian-required", "guardianName", ("age", Arg.Int(Age.On(dob, on)))));
        }

        return failures;
    }

    /// <summary>R-HEIR-6: a correction or the end of an heir says why; an end date is not in the future.</summary>
    public static IReadOnlyList<RuleFailure> CheckChange(string? reason, DateOnly today, DateOnly? endedOn = null)
    {
        var failures = new List<RuleFailure>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            failures.Add(RuleFailure.Of("R-HEIR-6", "heir.reason-required", "reason"));
        }

        if (endedOn is { } ended && ended > today)
        {
            failures.Add(RuleFailure.Of("R-HEIR-6", "heir.end-future", "endedOn", ("today", Arg.Date(today))));
        }

        return failures;
    }

    /// <summary>R-HEIR-6: the NIK for lists, every digit but the last four masked ("************0003").</summary>
    public static string? MaskNik(string? nik)
    {
        var s = nik?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        return s.Length <= 4 ? new string('*', s.Length) : string.Concat(new string('*', s.Length - 4), s.AsSpan(s.Length - 4));
    }
}
