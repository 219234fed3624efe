using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace MigrantCover.Bench.Scale;

/// <summary>
/// `fill`: creates the database if missing, applies the app's PostgreSQL migrations, empties the worker
/// tables, then loads the population with binary COPY (workers, payments, stage events) and ANALYZEs.
/// </summary>
public static class Fill
{
    public static async Task RunAsync(string connectionString, int count, DateOnly today)
    {
        // The foreign-key checks of a million-row COPY run when it completes: no command timeout.
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        await EnsureDatabaseAsync(connectionString);
        var total = Stopwatch.StartNew();
        await using (var db = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>().UseMigrantCoverPostgres(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        Console.WriteLine($"Migrated in {total.Elapsed.TotalSeconds:0.0} s");
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        // CASCADE: the tables that refer to workers (heirs, claims, messages, imports) are emptied with them.
        await ExecAsync(conn, "TRUNCATE audit_entries, coverage_lookups, document_verifications, stage_events, payments, workers, membership_counters CASCADE");

        // The portal's per-year membership sequences go too: it recreates them after the numbers loaded here.
        await ExecAsync(conn, "DO $$ DECLARE s record; BEGIN FOR s IN SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() AND sequencename LIKE 'membership\\_number\\_%' LOOP EXECUTE format('DROP SEQUENCE %I', s.sequencename); END LOOP; END $$");

        var population = new Population(today);
        var sequences = new Dictionary<int, long>();
        long Next(int year) => sequences[year] = sequences.GetValueOrDefault(year) + 1;
        static long NoSequence(int year) => 1;

        var sw = Stopwatch.StartNew();
        var stages = new Dictionary<Stage, int>();
        using (var w = conn.BeginBinaryImport(
            "COPY workers (id, nik, family_card_number, full_name, name_key, sex, date_of_birth, place_of_birth, address, phone, email, purpose, category, scheme, agency_name, agency_licence, destination_country, occupation, employer_name, contract_months, extension_months, placement_agreement_signed_on, passport_number, stage, membership_number, registered_on, registered_month, province_code, regency_code, departed_on, departed_month, arrived_on, failed_departure_on, withdrawn_on, died_on, cover_phase, covered_from, covered_until, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var x = population.Generate(i, Next).Worker;
                stages[x.Stage] = stages.GetValueOrDefault(x.Stage) + 1;
                w.StartRow();
                w.Write(x.Id, NpgsqlDbType.Uuid);
                w.Write(x.Nik);
                w.Write(x.FamilyCardNumber);
                w.Write(x.FullName);
                w.Write(x.NameKey);
                w.Write(Codes.Of(x.Sex));
                w.Write(x.DateOfBirth, NpgsqlDbType.Date);
                w.Write(x.PlaceOfBirth);
                w.Write(x.Address);
                WriteNullable(w, x.Phone);
                WriteNullable(w, x.Email);
                w.Write(Codes.Of(x.Purpose));
                w.Write(Codes.Of(x.Category));
                w.Write(Codes.Of(x.Scheme));
                WriteNullable(w, x.AgencyName);
                WriteNullable(w, x.AgencyLicence);
                w.Write(x.DestinationCountry);
                w.Write(x.Occupation);
                WriteNullable(w, x.EmployerName);
                w.Write(x.ContractMonths, NpgsqlDbType.Integer);
                w.Write(x.ExtensionMonths, NpgsqlDbType.Integer);
                WriteDate(w, x.PlacementAgreementSignedOn);
                WriteNullable(w, x.PassportNumber);
                w.Write(Codes.Of(x.Stage));
                WriteNullable(w, x.MembershipNumber);
                w.Write(x.RegisteredOn, NpgsqlDbType.Date);
                w.Write(x.RegisteredMonth, NpgsqlDbType.Integer);
                w.Write(x.ProvinceCode);
                w.Write(x.RegencyCode);
                WriteDate(w, x.DepartedOn);
                if (x.DepartedMonth is { } dm)
                {
                    w.Write(dm, NpgsqlDbType.Integer);
                }
                else
                {
                    w.WriteNull();
                }

                WriteDate(w, x.ArrivedOn);
                WriteDate(w, x.FailedDepartureOn);
                WriteDate(w, x.WithdrawnOn);
                WriteDate(w, x.DiedOn);
                WriteNullable(w, x.CoverPhase is { } phase ? Codes.Of(phase) : null);
                WriteDate(w, x.CoveredFrom);
                WriteDate(w, x.CoveredUntil);
                w.Write(x.CreatedAt, NpgsqlDbType.TimestampTz);
                w.Write(x.UpdatedAt, NpgsqlDbType.TimestampTz);
                w.Write(x.Version, NpgsqlDbType.Bigint);
            }

            w.Complete();
        }

        Console.WriteLine($"workers: {count:N0} in {sw.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", stages.OrderBy(s => s.Key).Select(s => $"{Codes.Of(s.Key)} {s.Value:N0}"))})");
        sw.Restart();
        var paymentCount = 0;
        using (var p = conn.BeginBinaryImport(
            "COPY payments (id, worker_id, kind, amount, paid_on, paid_month, reference, months, monthly_amount, rule_set, recorded_at, recorded_by) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                foreach (var x in population.Generate(i, NoSequence).Payments)
                {
                    paymentCount++;
                    p.StartRow();
                    p.Write(x.Id, NpgsqlDbType.Uuid);
                    p.Write(x.WorkerId, NpgsqlDbType.Uuid);
                    p.Write(Codes.Of(x.Kind));
                    p.Write(x.Amount, NpgsqlDbType.Bigint);
                    p.Write(x.PaidOn, NpgsqlDbType.Date);
                    p.Write(x.PaidMonth, NpgsqlDbType.Integer);
                    p.Write(x.Reference);
                    if (x.Months is { } m)
                    {
                        p.Write(m, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        p.WriteNull();
                    }

                    if (x.MonthlyAmount is { } ma)
                    {
                        p.Write(ma, NpgsqlDbType.Bigint);
                    }
                    else
                    {
                        p.WriteNull();
                    }

                    p.Write(x.RuleSet);
                    p.Write(x.RecordedAt, NpgsqlDbType.TimestampTz);
                    p.Write(x.RecordedBy);
                }
            }

            p.Complete();
        }

        Console.WriteLine($"payments: {paymentCount:N0} in {sw.Elapsed.TotalSeconds:0.0} s");
        sw.Restart();
        var eventCount = 0;
        using (var e = conn.BeginBinaryImport(
            "COPY stage_events (id, worker_id, kind, from_stage, to_stage, occurred_on, reason, months, payment_id, recorded_at, recorded_by) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                foreach (var x in population.Generate(i, NoSequence).Events)
                {
                    eventCount++;
                    e.StartRow();
                    e.Write(x.Id, NpgsqlDbType.Uuid);
                    e.Write(x.WorkerId, NpgsqlDbType.Uuid);
                    e.Write(Codes.Of(x.Kind));
                    WriteNullable(e, x.FromStage is { } f ? Codes.Of(f) : null);
                    e.Write(Codes.Of(x.ToStage));
                    e.Write(x.OccurredOn, NpgsqlDbType.Date);
                    e.WriteNull();
                    e.WriteNull();
                    e.WriteNull();
                    e.Write(x.RecordedAt, NpgsqlDbType.TimestampTz);
                    e.Write(x.RecordedBy);
                }
            }

            e.Complete();
        }

        Console.WriteLine($"stage events: {eventCount:N0} in {sw.Elapsed.TotalSeconds:0.0} s");

        // The app issues the next membership numbers after the ones used here (R-KPJ-1).
        foreach (var (year, last) in sequences)
        {
            await ExecAsync(conn, $"INSERT INTO membership_counters (year, last_sequence) VALUES ({year}, {last})");
        }

        // COPY bypasses AppDbContext.SaveChanges, which keeps the dashboard's tallies: rebuild them.
        sw.Restart();
        await using (var db = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>().UseMigrantCoverPostgres(connectionString).Options))
        {
            await Tallies.RebuildAsync(db);
        }

        Console.WriteLine($"tallies rebuilt in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        await ExecAsync(conn, "VACUUM (ANALYZE) workers");
        await ExecAsync(conn, "VACUUM (ANALYZE) payments");
        await ExecAsync(conn, "VACUUM (ANALYZE) stage_events");
        await ExecAsync(conn, "VACUUM (ANALYZE) worker_tallies, departure_tallies, cover_tallies, payment_tallies");
        Console.WriteLine($"VACUUM ANALYZE in {sw.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"Fill total: {total.Elapsed.TotalSeconds:0.0} s for {count:N0} workers, {paymentCount:N0} payments, {eventCount:N0} stage events");
    }

    private static async Task EnsureDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? throw new ArgumentException("The connection string names no database.");
        builder.Database = "postgres";
        await using var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await ExecAsync(conn, $"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"");
            Console.WriteLine($"Created database {name}");
        }
    }

    public static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static void WriteNullable(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void WriteDate(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } d)
        {
            w.Write(d, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }
}
