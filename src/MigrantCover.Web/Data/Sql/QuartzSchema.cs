using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrantCover.Web.Data.Sql;

/// <summary>
/// The tables of Quartz.NET's ADO.NET job store (prefix <c>qrtz_</c>), created by the migration
/// QuartzJobStore on each provider. Quartz does not create them itself here (the store only validates the
/// schema at start-up). The two scripts are Quartz.NET 4.7.3's own schema, as the package ships it for
/// PostgreSQL and SQLite (Quartz.Impl.AdoJobStore.Schema.create_*.sql), statement for statement:
/// <c>{0}</c> stands for the table prefix and <c>{1}</c> for the prefix in index names, and a line
/// <c>--;;</c> separates statements. A later Quartz release that changes the schema gets a migration of its
/// own with that release's additions (docs/decisions/0008-quartz-jobs.md).
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";

    // Children before parents, so that foreign keys never stop a drop.
    private static readonly string[] Tables =
    [
        "simple_triggers", "cron_triggers", "simprop_triggers", "blob_triggers", "triggers", "job_details",
        "calendars", "paused_trigger_grps", "paused_job_grps", "fired_triggers", "scheduler_state", "locks",
        "execution_history", "misfire_history", "job_status",
    ];

    public static void Create(MigrationBuilder migrationBuilder, bool postgres)
    {
        foreach (var statement in Statements(postgres ? Postgres : Sqlite))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {TablePrefix}{table};");
        }
    }

    /// <summary>The script's statements with the prefix filled in, without the comment-only pieces.</summary>
    public static IEnumerable<string> Statements(string script) =>
        script.Split("\n--;;\n")
            .Select(s => s.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal).Trim())
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>Quartz.NET 4.7.3, PostgreSQL.</summary>
    public const string Postgres = """
        -- {0}JOB_DETAILS
        CREATE TABLE IF NOT EXISTS {0}job_details (
          sched_name text not null,
          job_name text not null,
          job_group text not null,
          description text null,
          job_class_name text not null,
          is_durable bool not null,
          is_nonconcurrent bool not null,
          is_update_data bool not null,
          requests_recovery bool not null,
          job_data bytea null,
          primary key (sched_name,job_name,job_group)
        );
        --;;
        -- {0}TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          job_name text not null,
          job_group text not null,
          description text null,
          next_fire_time bigint null,
          prev_fire_time bigint null,
          priority integer null,
          trigger_state text not null,
          trigger_type text not null,
          start_time bigint not null,
          end_time bigint null,
          calendar_name text null,
          misfire_instr smallint null,
          misfire_orig_fire_time bigint null,
          execution_group varchar(200) null,
          preferred_node varchar(200) null,
          preferred_node_auto bool not null default false,
          retry_policy varchar(250) null,
          retry_attempt integer null,
          continues_trigger_name text null,
          continues_trigger_group text null,
          continuation_condition integer null,
          overlap_policy integer null,
          pause_reason varchar(250) null,
          paused_by varchar(200) null,
          paused_at bigint null,
          misfire_threshold bigint null,
          fixed_delay bool null,
          job_data bytea null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,job_name,job_group) references {0}job_details (sched_name,job_name,job_group)
        );
        --;;
        -- {0}SIMPLE_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}simple_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          repeat_count bigint not null,
          repeat_interval bigint not null,
          times_triggered bigint not null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {0}triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        --;;
        -- {0}CRON_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}cron_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          cron_expression text not null,
          time_zone_id text,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {0}triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        --;;
        -- {0}SIMPROP_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}simprop_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          str_prop_1 text null,
          str_prop_2 text null,
          str_prop_3 text null,
          int_prop_1 integer null,
          int_prop_2 integer null,
          long_prop_1 bigint null,
          long_prop_2 bigint null,
          dec_prop_1 numeric null,
          dec_prop_2 numeric null,
          bool_prop_1 bool null,
          bool_prop_2 bool null,
          time_zone_id text null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {0}triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        --;;
        -- {0}BLOB_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}blob_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          blob_data bytea null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {0}triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        --;;
        -- {0}CALENDARS
        CREATE TABLE IF NOT EXISTS {0}calendars (
          sched_name text not null,
          calendar_name text not null,
          calendar bytea not null,
          primary key (sched_name,calendar_name)
        );
        --;;
        -- {0}PAUSED_TRIGGER_GRPS
        CREATE TABLE IF NOT EXISTS {0}paused_trigger_grps (
          sched_name text not null,
          trigger_group text not null,
          pause_reason varchar(250) null,
          paused_by varchar(200) null,
          paused_at bigint null,
          primary key (sched_name,trigger_group)
        );
        --;;
        -- {0}PAUSED_JOB_GRPS
        CREATE TABLE IF NOT EXISTS {0}paused_job_grps (
          sched_name text not null,
          job_group text not null,
          pause_reason varchar(250) null,
          paused_by varchar(200) null,
          paused_at bigint null,
          primary key (sched_name,job_group)
        );
        --;;
        -- {0}FIRED_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}fired_triggers (
          sched_name text not null,
          entry_id text not null,
          trigger_name text not null,
          trigger_group text not null,
          instance_name text not null,
          fired_time bigint not null,
          sched_time bigint not null,
          priority integer not null,
          state text not null,
          job_name text null,
          job_group text null,
          is_nonconcurrent bool not null,
          requests_recovery bool null,
          execution_group varchar(200) null,
          progress integer null,
          progress_message varchar(250) null,
          interrupt_requested_time bigint null,
          primary key (sched_name,entry_id)
        );
        --;;
        -- {0}SCHEDULER_STATE
        CREATE TABLE IF NOT EXISTS {0}scheduler_state (
          sched_name text not null,
          instance_name text not null,
          last_checkin_time bigint not null,
          checkin_interval bigint not null,
          quartz_version varchar(20) null,
          primary key (sched_name,instance_name)
        );
        --;;
        -- {0}LOCKS
        CREATE TABLE IF NOT EXISTS {0}locks (
          sched_name text not null,
          lock_name text not null,
          primary key (sched_name,lock_name)
        );
        --;;
        -- {0}EXECUTION_HISTORY
        CREATE TABLE IF NOT EXISTS {0}execution_history (
          sched_name text not null,
          entry_id text not null,
          instance_name text not null,
          job_name text not null,
          job_group text not null,
          trigger_name text not null,
          trigger_group text not null,
          fired_time bigint not null,
          run_time bigint not null,
          succeeded bool not null,
          error_message text null,
          retry_attempt integer not null default 0,
          retry_scheduled bool not null default false,
          execution_log text null,
          result integer null,
          summary text null,
          metrics text null,
          manual bool null,
          fire_instance_id text null,
          job_input text null,
          job_input_too_large bool null,
          primary key (sched_name,entry_id)
        );
        --;;
        -- {0}MISFIRE_HISTORY
        CREATE TABLE IF NOT EXISTS {0}misfire_history (
          sched_name text not null,
          entry_id text not null,
          instance_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          job_name text null,
          job_group text null,
          misfire_time bigint not null,
          sched_time bigint null,
          reason integer null,
          primary key (sched_name,entry_id)
        );
        --;;
        -- {0}JOB_STATUS
        CREATE TABLE IF NOT EXISTS {0}job_status (
          sched_name text not null,
          job_group text not null,
          job_name text not null,
          first_fired_time bigint not null,
          last_fired_time bigint not null,
          last_result integer not null,
          last_run_time bigint not null,
          last_instance_name text not null,
          last_entry_id text null,
          last_summary text null,
          last_success_time bigint null,
          last_failure_time bigint null,
          last_failure_message text null,
          consecutive_failures integer not null default 0,
          run_count bigint not null default 0,
          failure_count bigint not null default 0,
          primary key (sched_name,job_group,job_name)
        );
        --;;
        -- IDX_{1}J_G_N
        CREATE INDEX IF NOT EXISTS idx_{1}j_g_n ON {0}job_details (sched_name, job_group, job_name);
        --;;
        -- IDX_{1}T_J
        CREATE INDEX IF NOT EXISTS idx_{1}t_j ON {0}triggers (sched_name, job_name, job_group);
        --;;
        -- IDX_{1}T_G_N
        CREATE INDEX IF NOT EXISTS idx_{1}t_g_n ON {0}triggers (sched_name, trigger_group, trigger_name);
        --;;
        -- IDX_{1}T_C
        CREATE INDEX IF NOT EXISTS idx_{1}t_c ON {0}triggers (sched_name, calendar_name);
        --;;
        -- IDX_{1}T_NFT_ST
        CREATE INDEX IF NOT EXISTS idx_{1}t_nft_st ON {0}triggers (sched_name, trigger_state, next_fire_time asc, priority desc, misfire_instr);
        --;;
        -- IDX_{1}FT_INST_JOB_REQ_RCVRY
        CREATE INDEX IF NOT EXISTS idx_{1}ft_inst_job_req_rcvry ON {0}fired_triggers (sched_name, instance_name, requests_recovery);
        --;;
        -- IDX_{1}FT_J_G
        CREATE INDEX IF NOT EXISTS idx_{1}ft_j_g ON {0}fired_triggers (sched_name, job_name, job_group);
        --;;
        -- IDX_{1}FT_T_G
        CREATE INDEX IF NOT EXISTS idx_{1}ft_t_g ON {0}fired_triggers (sched_name, trigger_name, trigger_group);
        --;;
        -- IDX_{1}EH_FIRED_TIME
        CREATE INDEX IF NOT EXISTS idx_{1}eh_fired_time ON {0}execution_history (sched_name, fired_time);
        --;;
        -- IDX_{1}EH_INST
        CREATE INDEX IF NOT EXISTS idx_{1}eh_inst ON {0}execution_history (sched_name, instance_name);
        --;;
        -- IDX_{1}MH_MISFIRE_TIME
        CREATE INDEX IF NOT EXISTS idx_{1}mh_misfire_time ON {0}misfire_history (sched_name, misfire_time);
        --;;
        -- IDX_{1}MH_INST
        CREATE INDEX IF NOT EXISTS idx_{1}mh_inst ON {0}misfire_history (sched_name, instance_name);
        --;;
        -- IDX_{1}EH_JOB_TIME
        CREATE INDEX IF NOT EXISTS idx_{1}eh_job_time ON {0}execution_history (sched_name, job_group, job_name, fired_time);
        --;;
        -- IDX_{1}EH_FIRE_INST
        CREATE INDEX IF NOT EXISTS idx_{1}eh_fire_inst ON {0}execution_history (sched_name, fire_instance_id);
        --;;
        -- IDX_{1}EH_TRIG_TIME
        CREATE INDEX IF NOT EXISTS idx_{1}eh_trig_time ON {0}execution_history (sched_name, trigger_group, trigger_name, fired_time);
        """;

    /// <summary>Quartz.NET 4.7.3, SQLite.</summary>
    public const string Sqlite = """
        -- {0}JOB_DETAILS
        CREATE TABLE IF NOT EXISTS {0}JOB_DETAILS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          JOB_NAME NVARCHAR(150) NOT NULL,
          JOB_GROUP NVARCHAR(150) NOT NULL,
          DESCRIPTION NVARCHAR(250) NULL,
          JOB_CLASS_NAME NVARCHAR(250) NOT NULL,
          IS_DURABLE BIT NOT NULL,
          IS_NONCONCURRENT BIT NOT NULL,
          IS_UPDATE_DATA BIT NOT NULL,
          REQUESTS_RECOVERY BIT NOT NULL,
          JOB_DATA BLOB NULL,
          PRIMARY KEY (SCHED_NAME,JOB_NAME,JOB_GROUP)
        );
        --;;
        -- {0}TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}TRIGGERS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          JOB_NAME NVARCHAR(150) NOT NULL,
          JOB_GROUP NVARCHAR(150) NOT NULL,
          DESCRIPTION NVARCHAR(250) NULL,
          NEXT_FIRE_TIME BIGINT NULL,
          PREV_FIRE_TIME BIGINT NULL,
          PRIORITY INTEGER NULL,
          TRIGGER_STATE NVARCHAR(16) NOT NULL,
          TRIGGER_TYPE NVARCHAR(8) NOT NULL,
          START_TIME BIGINT NOT NULL,
          END_TIME BIGINT NULL,
          CALENDAR_NAME NVARCHAR(200) NULL,
          MISFIRE_INSTR INTEGER NULL,
          MISFIRE_ORIG_FIRE_TIME INTEGER NULL,
          EXECUTION_GROUP NVARCHAR(200) NULL,
          PREFERRED_NODE NVARCHAR(200) NULL,
          PREFERRED_NODE_AUTO BIT NOT NULL DEFAULT 0,
          RETRY_POLICY NVARCHAR(250) NULL,
          RETRY_ATTEMPT INTEGER NULL,
          CONTINUES_TRIGGER_NAME NVARCHAR(150) NULL,
          CONTINUES_TRIGGER_GROUP NVARCHAR(150) NULL,
          CONTINUATION_CONDITION INTEGER NULL,
          OVERLAP_POLICY INTEGER NULL,
          PAUSE_REASON NVARCHAR(250) NULL,
          PAUSED_BY NVARCHAR(200) NULL,
          PAUSED_AT BIGINT NULL,
          MISFIRE_THRESHOLD BIGINT NULL,
          FIXED_DELAY BIT NULL,
          JOB_DATA BLOB NULL,
          PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
          FOREIGN KEY (SCHED_NAME,JOB_NAME,JOB_GROUP) REFERENCES {0}JOB_DETAILS (SCHED_NAME,JOB_NAME,JOB_GROUP)
        );
        --;;
        -- {0}SIMPLE_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}SIMPLE_TRIGGERS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          REPEAT_COUNT BIGINT NOT NULL,
          REPEAT_INTERVAL BIGINT NOT NULL,
          TIMES_TRIGGERED BIGINT NOT NULL,
          PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
          FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES {0}TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
        );
        --;;
        -- {0}CRON_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}CRON_TRIGGERS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          CRON_EXPRESSION NVARCHAR(250) NOT NULL,
          TIME_ZONE_ID NVARCHAR(80),
          PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
          FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES {0}TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
        );
        --;;
        -- {0}SIMPROP_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}SIMPROP_TRIGGERS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          STR_PROP_1 NVARCHAR(512) NULL,
          STR_PROP_2 NVARCHAR(512) NULL,
          STR_PROP_3 NVARCHAR(512) NULL,
          INT_PROP_1 INT NULL,
          INT_PROP_2 INT NULL,
          LONG_PROP_1 BIGINT NULL,
          LONG_PROP_2 BIGINT NULL,
          DEC_PROP_1 NUMERIC NULL,
          DEC_PROP_2 NUMERIC NULL,
          BOOL_PROP_1 BIT NULL,
          BOOL_PROP_2 BIT NULL,
          TIME_ZONE_ID NVARCHAR(80) NULL,
          PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
          FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES {0}TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
        );
        --;;
        -- {0}BLOB_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}BLOB_TRIGGERS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          BLOB_DATA BLOB NULL,
          PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
          FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES {0}TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
        );
        --;;
        -- {0}CALENDARS
        CREATE TABLE IF NOT EXISTS {0}CALENDARS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          CALENDAR_NAME NVARCHAR(200) NOT NULL,
          CALENDAR BLOB NOT NULL,
          PRIMARY KEY (SCHED_NAME,CALENDAR_NAME)
        );
        --;;
        -- {0}PAUSED_TRIGGER_GRPS
        CREATE TABLE IF NOT EXISTS {0}PAUSED_TRIGGER_GRPS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          PAUSE_REASON NVARCHAR(250) NULL,
          PAUSED_BY NVARCHAR(200) NULL,
          PAUSED_AT BIGINT NULL,
          PRIMARY KEY (SCHED_NAME,TRIGGER_GROUP)
        );
        --;;
        -- {0}PAUSED_JOB_GRPS
        CREATE TABLE IF NOT EXISTS {0}PAUSED_JOB_GRPS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          JOB_GROUP NVARCHAR(150) NOT NULL,
          PAUSE_REASON NVARCHAR(250) NULL,
          PAUSED_BY NVARCHAR(200) NULL,
          PAUSED_AT BIGINT NULL,
          PRIMARY KEY (SCHED_NAME,JOB_GROUP)
        );
        --;;
        -- {0}FIRED_TRIGGERS
        CREATE TABLE IF NOT EXISTS {0}FIRED_TRIGGERS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          ENTRY_ID NVARCHAR(140) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          INSTANCE_NAME NVARCHAR(200) NOT NULL,
          FIRED_TIME BIGINT NOT NULL,
          SCHED_TIME BIGINT NOT NULL,
          PRIORITY INTEGER NOT NULL,
          STATE NVARCHAR(16) NOT NULL,
          JOB_NAME NVARCHAR(150) NULL,
          JOB_GROUP NVARCHAR(150) NULL,
          IS_NONCONCURRENT BIT NULL,
          REQUESTS_RECOVERY BIT NULL,
          EXECUTION_GROUP NVARCHAR(200) NULL,
          PROGRESS INTEGER NULL,
          PROGRESS_MESSAGE NVARCHAR(250) NULL,
          INTERRUPT_REQUESTED_TIME BIGINT NULL,
          PRIMARY KEY (SCHED_NAME,ENTRY_ID)
        );
        --;;
        -- {0}SCHEDULER_STATE
        CREATE TABLE IF NOT EXISTS {0}SCHEDULER_STATE (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          INSTANCE_NAME NVARCHAR(200) NOT NULL,
          LAST_CHECKIN_TIME BIGINT NOT NULL,
          CHECKIN_INTERVAL BIGINT NOT NULL,
          QUARTZ_VERSION NVARCHAR(20) NULL,
          PRIMARY KEY (SCHED_NAME,INSTANCE_NAME)
        );
        --;;
        -- {0}LOCKS
        CREATE TABLE IF NOT EXISTS {0}LOCKS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          LOCK_NAME NVARCHAR(40) NOT NULL,
          PRIMARY KEY (SCHED_NAME,LOCK_NAME)
        );
        --;;
        -- {0}EXECUTION_HISTORY
        CREATE TABLE IF NOT EXISTS {0}EXECUTION_HISTORY (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          ENTRY_ID NVARCHAR(140) NOT NULL,
          INSTANCE_NAME NVARCHAR(200) NOT NULL,
          JOB_NAME NVARCHAR(150) NOT NULL,
          JOB_GROUP NVARCHAR(150) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          FIRED_TIME BIGINT NOT NULL,
          RUN_TIME BIGINT NOT NULL,
          SUCCEEDED BIT NOT NULL,
          ERROR_MESSAGE NVARCHAR(1000) NULL,
          RETRY_ATTEMPT INTEGER NOT NULL DEFAULT 0,
          RETRY_SCHEDULED BIT NOT NULL DEFAULT 0,
          EXECUTION_LOG TEXT NULL,
          RESULT INTEGER NULL,
          SUMMARY NVARCHAR(1000) NULL,
          METRICS TEXT NULL,
          MANUAL BIT NULL,
          FIRE_INSTANCE_ID NVARCHAR(140) NULL,
          JOB_INPUT TEXT NULL,
          JOB_INPUT_TOO_LARGE BIT NULL,
          PRIMARY KEY (SCHED_NAME,ENTRY_ID)
        );
        --;;
        -- {0}MISFIRE_HISTORY
        CREATE TABLE IF NOT EXISTS {0}MISFIRE_HISTORY (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          ENTRY_ID NVARCHAR(140) NOT NULL,
          INSTANCE_NAME NVARCHAR(200) NOT NULL,
          TRIGGER_NAME NVARCHAR(150) NOT NULL,
          TRIGGER_GROUP NVARCHAR(150) NOT NULL,
          JOB_NAME NVARCHAR(150) NULL,
          JOB_GROUP NVARCHAR(150) NULL,
          MISFIRE_TIME BIGINT NOT NULL,
          SCHED_TIME BIGINT NULL,
          REASON INTEGER NULL,
          PRIMARY KEY (SCHED_NAME,ENTRY_ID)
        );
        --;;
        -- {0}JOB_STATUS
        CREATE TABLE IF NOT EXISTS {0}JOB_STATUS (
          SCHED_NAME NVARCHAR(120) NOT NULL,
          JOB_GROUP NVARCHAR(150) NOT NULL,
          JOB_NAME NVARCHAR(150) NOT NULL,
          FIRST_FIRED_TIME BIGINT NOT NULL,
          LAST_FIRED_TIME BIGINT NOT NULL,
          LAST_RESULT INTEGER NOT NULL,
          LAST_RUN_TIME BIGINT NOT NULL,
          LAST_INSTANCE_NAME NVARCHAR(200) NOT NULL,
          LAST_ENTRY_ID NVARCHAR(140) NULL,
          LAST_SUMMARY NVARCHAR(1000) NULL,
          LAST_SUCCESS_TIME BIGINT NULL,
          LAST_FAILURE_TIME BIGINT NULL,
          LAST_FAILURE_MESSAGE NVARCHAR(1000) NULL,
          CONSECUTIVE_FAILURES INTEGER NOT NULL DEFAULT 0,
          RUN_COUNT BIGINT NOT NULL DEFAULT 0,
          FAILURE_COUNT BIGINT NOT NULL DEFAULT 0,
          PRIMARY KEY (SCHED_NAME,JOB_GROUP,JOB_NAME)
        );
        --;;
        -- {0}DELETE_SIMPLE_TRIGGER
        CREATE TRIGGER IF NOT EXISTS {0}DELETE_SIMPLE_TRIGGER DELETE ON {0}TRIGGERS
        BEGIN
          DELETE FROM {0}SIMPLE_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
        END
        --;;
        -- {0}DELETE_SIMPROP_TRIGGER
        CREATE TRIGGER IF NOT EXISTS {0}DELETE_SIMPROP_TRIGGER DELETE ON {0}TRIGGERS
        BEGIN
          DELETE FROM {0}SIMPROP_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
        END
        --;;
        -- {0}DELETE_CRON_TRIGGER
        CREATE TRIGGER IF NOT EXISTS {0}DELETE_CRON_TRIGGER DELETE ON {0}TRIGGERS
        BEGIN
          DELETE FROM {0}CRON_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
        END
        --;;
        -- {0}DELETE_BLOB_TRIGGER
        CREATE TRIGGER IF NOT EXISTS {0}DELETE_BLOB_TRIGGER DELETE ON {0}TRIGGERS
        BEGIN
          DELETE FROM {0}BLOB_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
        END
        --;;
        -- IDX_{1}J_G_N
        CREATE INDEX IF NOT EXISTS IDX_{1}J_G_N ON {0}JOB_DETAILS(SCHED_NAME,JOB_GROUP,JOB_NAME);
        --;;
        -- IDX_{1}T_J
        CREATE INDEX IF NOT EXISTS IDX_{1}T_J ON {0}TRIGGERS(SCHED_NAME,JOB_NAME,JOB_GROUP);
        --;;
        -- IDX_{1}T_G_N
        CREATE INDEX IF NOT EXISTS IDX_{1}T_G_N ON {0}TRIGGERS(SCHED_NAME,TRIGGER_GROUP,TRIGGER_NAME);
        --;;
        -- IDX_{1}T_C
        CREATE INDEX IF NOT EXISTS IDX_{1}T_C ON {0}TRIGGERS(SCHED_NAME,CALENDAR_NAME);
        --;;
        -- IDX_{1}T_NFT_ST
        CREATE INDEX IF NOT EXISTS IDX_{1}T_NFT_ST ON {0}TRIGGERS(SCHED_NAME,TRIGGER_STATE,NEXT_FIRE_TIME ASC,PRIORITY DESC,MISFIRE_INSTR);
        --;;
        -- IDX_{1}FT_INST_JOB_REQ_RCVRY
        CREATE INDEX IF NOT EXISTS IDX_{1}FT_INST_JOB_REQ_RCVRY ON {0}FIRED_TRIGGERS(SCHED_NAME,INSTANCE_NAME,REQUESTS_RECOVERY);
        --;;
        -- IDX_{1}FT_J_G
        CREATE INDEX IF NOT EXISTS IDX_{1}FT_J_G ON {0}FIRED_TRIGGERS(SCHED_NAME,JOB_NAME,JOB_GROUP);
        --;;
        -- IDX_{1}FT_T_G
        CREATE INDEX IF NOT EXISTS IDX_{1}FT_T_G ON {0}FIRED_TRIGGERS(SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP);
        --;;
        -- IDX_{1}EH_FIRED_TIME
        CREATE INDEX IF NOT EXISTS IDX_{1}EH_FIRED_TIME ON {0}EXECUTION_HISTORY(SCHED_NAME,FIRED_TIME);
        --;;
        -- IDX_{1}EH_INST
        CREATE INDEX IF NOT EXISTS IDX_{1}EH_INST ON {0}EXECUTION_HISTORY(SCHED_NAME,INSTANCE_NAME);
        --;;
        -- IDX_{1}MH_MISFIRE_TIME
        CREATE INDEX IF NOT EXISTS IDX_{1}MH_MISFIRE_TIME ON {0}MISFIRE_HISTORY(SCHED_NAME,MISFIRE_TIME);
        --;;
        -- IDX_{1}MH_INST
        CREATE INDEX IF NOT EXISTS IDX_{1}MH_INST ON {0}MISFIRE_HISTORY(SCHED_NAME,INSTANCE_NAME);
        --;;
        -- IDX_{1}EH_JOB_TIME
        CREATE INDEX IF NOT EXISTS IDX_{1}EH_JOB_TIME ON {0}EXECUTION_HISTORY(SCHED_NAME,JOB_GROUP,JOB_NAME,FIRED_TIME);
        --;;
        -- IDX_{1}EH_FIRE_INST
        CREATE INDEX IF NOT EXISTS IDX_{1}EH_FIRE_INST ON {0}EXECUTION_HISTORY(SCHED_NAME,FIRE_INSTANCE_ID);
        --;;
        -- IDX_{1}EH_TRIG_TIME
        CREATE INDEX IF NOT EXISTS IDX_{1}EH_TRIG_TIME ON {0}EXECUTION_HISTORY(SCHED_NAME,TRIGGER_GROUP,TRIGGER_NAME,FIRED_TIME);
        """;
}
