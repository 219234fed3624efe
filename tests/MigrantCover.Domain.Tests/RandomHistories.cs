namespace MigrantCover.Domain.Tests;

/// <summary>The one generator of workers' histories for the property tests (seeded by the caller, so failures reproduce).</summary>
internal static class RandomHistories
{
    /// <summary>
    /// A worker's history that starts on a random day of the <paramref name="days"/> from <paramref name="from"/>:
    /// any scheme and contract; pre-placement payments (not for individuals); mostly a placement payment (an
    /// individual's sometimes twice), then mostly a departure with extensions and perhaps a return, else
    /// perhaps a failed departure (also without a placement payment); JHT payments; now and then a death.
    /// </summary>
    public static (CoverageHistory History, DateOnly Start) Next(Random random, DateOnly from, int days)
    {
        var start = from.AddDays(random.Next(0, days));
        var scheme = (Scheme)random.Next(4);
        var months = random.Next(1, 49);
        var payments = new List<PaymentRecord>();
        var day = start;
        if (scheme != Scheme.Individual)
        {
            for (var n = random.Next(0, 3); n > 0; n--)
            {
                payments.Add(Pay(PaymentKind.PrePlacement, day));
                day = day.AddDays(random.Next(10, 200));
            }
        }

        DateOnly? departed = null, arrived = null, failed = null, died = null;
        if (random.Next(5) > 0)
        {
            payments.Add(Pay(PaymentKind.Placement, day));
            if (scheme == Scheme.Individual && random.Next(3) == 0)
            {
                day = day.AddDays(random.Next(20, 60));
                payments.Add(Pay(PaymentKind.Placement, day));
            }

            day = day.AddDays(random.Next(1, 30));
            if (random.Next(5) > 0)
            {
                departed = day;
                for (var n = random.Next(0, 3); n > 0; n--)
                {
                    day = day.AddDays(random.Next(30, 900));
                    payments.Add(Pay(PaymentKind.Extension, day, random.Next(1, 13)));
                }

                if (random.Next(2) == 0)
                {
                    arrived = departed.Value.AddDays(random.Next(1, 1_500));
                }
            }
            else if (random.Next(2) == 0)
            {
                failed = day;
            }
        }
        else if (payments.Count > 0 && random.Next(2) == 0)
        {
            failed = day.AddDays(random.Next(0, 160));
        }

        for (var n = random.Next(0, 3); n > 0; n--)
        {
            var m = random.Next(1, 13);
            payments.Add(Pay(PaymentKind.Jht, start.AddDays(random.Next(0, 1_000)), m, m * 100_000L));
        }

        if (random.Next(6) == 0)
        {
            died = start.AddDays(random.Next(0, 2_000));
        }

        return (History(scheme, months, [.. payments.OrderBy(_ => random.Next())], departed, arrived, failed, died), start);
    }
}
