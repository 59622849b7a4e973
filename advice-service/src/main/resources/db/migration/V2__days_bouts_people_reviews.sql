-- A rule fires once per cause (a week, a day, a bout, a pain spell); period says what the advice concerns.
alter table advice add column cause text;
update advice set cause = period;
alter table advice alter column cause set not null;
alter table advice drop constraint advice_once_per_cause;
alter table advice add constraint advice_once_per_cause unique (user_id, rule_id, cause);

-- One row per person per local day; weeks are sums of their days. Seconds keep the sums exact.
create table day_total (
    user_id              text   not null,
    day                  date   not null,
    iso_week             text   not null,
    moderate_seconds     bigint not null default 0,
    vigorous_seconds     bigint not null default 0,
    strength_sessions    int    not null default 0,
    sitting_seconds      bigint not null default 0,
    longest_bout_seconds bigint not null default 0,
    long_bouts           int    not null default 0,
    stretch_breaks       int    not null default 0,
    posture_seconds      bigint not null default 0,
    poor_posture_seconds bigint not null default 0,
    high_stress_seconds  bigint not null default 0,
    pain_reports         int    not null default 0,
    max_pain_severity    int    not null default 0,
    primary key (user_id, day)
);
create index day_total_by_week on day_total (user_id, iso_week);

-- The weekly totals kept so far move to the Monday of their week.
insert into day_total (user_id, day, iso_week, moderate_seconds, vigorous_seconds)
select user_id, to_date(iso_week, 'IYYY-"W"IW'), iso_week, moderate_seconds, vigorous_seconds from weekly_total;
drop table weekly_total;

-- The latest profile of each person, from the profiles topic: the zone their weeks end in, their age.
create table person (
    user_id    text primary key,
    time_zone  text,
    birth_year int,
    updated_at timestamptz not null
);

-- Sitting bouts, open and closed: an open bout's nudge is due at nudge_due_at and survives a restart.
create table sitting_bout (
    user_id      text        not null,
    bout_id      text        not null,
    started_at   timestamptz not null,
    ended_at     timestamptz,
    nudge_due_at timestamptz not null,
    nudged_at    timestamptz,
    primary key (user_id, bout_id)
);
create index sitting_bout_due on sitting_bout (nudge_due_at) where ended_at is null and nudged_at is null;

-- The activities each person has recorded, to tell a new kind of exercise.
create table exercise_kind (
    user_id    text not null,
    activity   text not null,
    first_day  date not null,
    primary key (user_id, activity)
);

-- Which weeks have had their mid-week pacing check and their end-of-week review.
create table week_review (
    user_id       text not null,
    iso_week      text not null,
    paced_at      timestamptz,
    reviewed_at   timestamptz,
    primary key (user_id, iso_week)
);
