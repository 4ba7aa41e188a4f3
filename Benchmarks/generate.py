#!/usr/bin/env python3
"""Deterministic generators of large, realistic plans for Realise's benchmarks (standard library only).

    python3 Benchmarks/generate.py mspdi    --tasks 100000 --out plan.xml [--benefits-csv benefits.csv]
    python3 Benchmarks/generate.py iati     --activities 20000 --out activities.xml
    python3 Benchmarks/generate.py register --benefits 100000 --metrics-per-benefit 1 \
                                            --measurements-per-metric 10 --out-dir register/
    python3 Benchmarks/generate.py register --benefits 10000 --weekly --measurements-per-metric 52 \
                                            --as-of 2025-06-30 --out-dir weekly/

Every generator takes --seed (default 6); the same arguments always give byte-identical files. Every generator
takes --manifest FILE: a JSON file of what the generator knows about its output — the counts a Realise import
of it must report (objectives, benefits, deliverables, milestones, metrics, baselines, targets, measurements,
links), and for the gap rules whose outcome follows from the data alone, how many findings each must give and
which subjects they are about (Benchmarks/load-test.sh checks a workspace against it).

mspdi     Microsoft Project XML (MSPDI, namespace http://schemas.microsoft.com/project): the project summary
          task (UID 0), phases and work packages as summary tasks, tasks and milestones, one Baseline
          (Number 0) per task, PredecessorLink elements (FS/SS/FF with lags), and an ExtendedAttributes
          definition aliased "Benefit" whose task values name benefit ids (comma-separated), plus a second
          custom field ("Workstream") that is only a note. About 700 bytes per task: 100 000 tasks ~ 70 MB.
          --benefits-csv also writes a register CSV defining the benefits the plan names, so the plan can be
          imported into a workspace that already holds them (its links must resolve).
iati      IATI 2.03 activity XML (iati-activities): activities with reporting and participating
          organisations, titles and descriptions (type 1 and 2), dates of types 1-4, sectors, budgets,
          transactions, parent/child related-activity links, and results of type 2 (outcome) and 1 (output)
          with indicators, baselines and periods (target and actual). About 4.5 kB per activity:
          20 000 activities ~ 90 MB. A few values are qualitative ("Yes") as in real feeds.
register  A Realise register CSV set: objectives.csv, deliverables.csv, benefits.csv (one row per benefit with
          its first metric, baseline and target), metrics.csv (the further metrics, when more than one per
          benefit, with baseline and target) and values.csv (targets on the trajectory and measurements).
          --weekly: every metric is collected weekly and its measurements are one week apart, the last within
          the week before --as-of (52 measurements = a year of weekly measurements).
"""

import argparse
import datetime as dt
import json
import os
import random
import sys

WORDS = ("bus priority corridor ticketing app data sharing agreement depot electrification signal upgrade "
         "cycle lane junction redesign interchange travel hub fare capping contactless validator real time "
         "information display park and ride community transport booking platform school route review "
         "accessibility audit wayfinding rail station footbridge lift replacement shelter programme "
         "supplier onboarding procurement design build test commission handover training go live "
         "decommission legacy system migration assurance gateway review stakeholder engagement "
         "consultation survey business case approval funding bid").split()
PLACES = ("Kingsholme Wexcombe Saltby Marsham Coastway Harbourside Northgate Millbrook Ashford Eastleigh "
          "Fenwick Greystone Hollins Ivybridge Larkhill Moorfield Newbold Oakridge Pinfold Queensway").split()
OWNERS = ("Head of Passenger Transport", "Rural Transport Manager", "Bus Network Performance Officer",
          "Programme Director", "Head of Digital", "Active Travel Lead", "Finance Business Partner",
          "Customer Insight Manager", "Head of Highways", "Benefits Realisation Manager")
ORGS = ("NCC", "CTA", "WBC", "SDC")

EPOCH = dt.date(2024, 1, 1)


def words(rng, low, high):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Sink:
    """Buffered text output written as UTF-8 in large chunks."""

    def __init__(self, path):
        self.file = open(path, "w", encoding="utf-8", newline="\n")
        self.parts = []
        self.size = 0

    def write(self, text):
        self.parts.append(text)
        self.size += len(text)
        if self.size > 1 << 20:
            self.flush()

    def flush(self):
        self.file.write("".join(self.parts))
        self.parts = []
        self.size = 0

    def close(self):
        self.flush()
        self.file.close()


def write_manifest(path, counts, findings, **extra):
    """What a Realise import of the generated files must report, and the findings the data implies.

    counts:   ImportCounts of the import (the keys of `realise import --format json`).
    findings: rule id -> sorted list of subject ids (only rules whose outcome the generator can work out).
    """
    if not path:
        return
    manifest = {"counts": counts, "findings": {rule: sorted(ids) for rule, ids in findings.items()}}
    manifest.update(extra)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


# ---------------------------------------------------------------------------------------------- MSPDI

BENEFIT_FIELD = 188743731   # Text1
WORKSTREAM_FIELD = 188743734  # Text2


def mspdi_ts(day, hour=8):
    return f"{day.isoformat()}T{hour:02d}:00:00"


def benefit_id(n):
    return f"BEN-{n:05d}"


def mspdi(args):
    rng = random.Random(args.seed)
    total = args.tasks
    benefits = args.benefits or max(10, total // 100)
    out = Sink(args.out)
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    out.write('<Project xmlns="http://schemas.microsoft.com/project">\n')
    out.write("<SaveVersion>14</SaveVersion>\n<Name>Coastal Connect Mobility.xml</Name>\n"
              "<Title>Coastal Connect Mobility</Title>\n<Author>PMO</Author>\n"
              "<CreationDate>2024-01-02T09:00:00</CreationDate>\n<LastSaved>2025-06-30T17:00:00</LastSaved>\n"
              "<ScheduleFromStart>1</ScheduleFromStart>\n<StartDate>2024-01-01T08:00:00</StartDate>\n"
              "<FinishDate>2031-12-31T17:00:00</FinishDate>\n<CalendarUID>1</CalendarUID>\n"
              "<DefaultStartTime>08:00:00</DefaultStartTime>\n<MinutesPerDay>480</MinutesPerDay>\n"
              "<MinutesPerWeek>2400</MinutesPerWeek>\n<DaysPerMonth>20</DaysPerMonth>\n"
              "<CurrencySymbol>£</CurrencySymbol>\n<CurrencyCode>GBP</CurrencyCode>\n")
    out.write("<ExtendedAttributes>\n"
              f"<ExtendedAttribute><FieldID>{BENEFIT_FIELD}</FieldID><FieldName>Text1</FieldName>"
              "<Alias>Benefit</Alias></ExtendedAttribute>\n"
              f"<ExtendedAttribute><FieldID>{WORKSTREAM_FIELD}</FieldID><FieldName>Text2</FieldName>"
              "<Alias>Workstream</Alias></ExtendedAttribute>\n"
              "</ExtendedAttributes>\n")
    out.write("<Calendars>\n<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>"
              "<WeekDays>")
    for day in range(1, 8):
        working = 1 if 2 <= day <= 6 else 0
        out.write(f"<WeekDay><DayType>{day}</DayType><DayWorking>{working}</DayWorking>")
        if working:
            out.write("<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
                      "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>")
        out.write("</WeekDay>")
    out.write("</WeekDays></Calendar>\n</Calendars>\n<Tasks>\n")

    today = dt.date(2025, 6, 30)
    uid = 0
    # What the manifest needs: per task UID its kind, outline level, predecessors, benefits and slip.
    tasks = {}

    def task(fields, outline, level, name, start, finish, kind, preds=(), benefit=None, stream=None,
             baseline=None, percent=0):
        nonlocal uid
        tasks[uid] = {"kind": kind, "level": level, "preds": [p for p, _, _ in preds],
                      "benefits": sorted(set(benefit.split(","))) if benefit else [],
                      "slipped": bool(baseline) and finish > baseline[1]}
        duration_h = max(0, (finish - start).days) * 8
        parts = [f"<Task>\n<UID>{uid}</UID>\n<ID>{uid}</ID>\n<Name>{esc(name)}</Name>\n<Type>{1 if kind != 'task' else 0}</Type>\n"
                 f"<IsNull>0</IsNull>\n<OutlineNumber>{outline}</OutlineNumber>\n"
                 f"<OutlineLevel>{level}</OutlineLevel>\n<Start>{mspdi_ts(start)}</Start>\n<Finish>{mspdi_ts(finish, 17)}</Finish>\n"
                 f"<Duration>PT{duration_h}H0M0S</Duration>\n"
                 f"<Milestone>{1 if kind == 'milestone' else 0}</Milestone>\n<Summary>{1 if kind == 'summary' else 0}</Summary>\n"
                 f"<PercentComplete>{percent}</PercentComplete>\n"]
        if percent > 0:
            parts.append(f"<ActualStart>{mspdi_ts(start)}</ActualStart>\n")
        if percent == 100:
            parts.append(f"<ActualFinish>{mspdi_ts(finish, 17)}</ActualFinish>\n")
        for pred, ptype, lag in preds:
            parts.append(f"<PredecessorLink><PredecessorUID>{pred}</PredecessorUID><Type>{ptype}</Type>"
                         f"<CrossProject>0</CrossProject><LinkLag>{lag * 4800}</LinkLag><LagFormat>7</LagFormat>"
                         "</PredecessorLink>\n")
        if benefit:
            parts.append(f"<ExtendedAttribute><FieldID>{BENEFIT_FIELD}</FieldID><Value>{benefit}</Value>"
                         "</ExtendedAttribute>\n")
        if stream:
            parts.append(f"<ExtendedAttribute><FieldID>{WORKSTREAM_FIELD}</FieldID><Value>{esc(stream)}</Value>"
                         "</ExtendedAttribute>\n")
        if baseline:
            bstart, bfinish = baseline
            bh = max(0, (bfinish - bstart).days) * 8
            parts.append(f"<Baseline><Number>0</Number><Start>{mspdi_ts(bstart)}</Start>"
                         f"<Finish>{mspdi_ts(bfinish, 17)}</Finish><Duration>PT{bh}H0M0S</Duration></Baseline>\n")
        parts.append("</Task>\n")
        fields.append("".join(parts))
        uid += 1
        return uid - 1

    project_start, project_finish = dt.date(2024, 1, 1), dt.date(2031, 12, 31)
    header = []
    task(header, "0", 0, "Coastal Connect Mobility", project_start, project_finish, "summary")
    out.write(header[0])
    order = [0]  # UIDs in document order
    made = 1
    phase_no = 0
    wp_size = 10  # one summary, eight tasks, one milestone
    while made < total:
        phase_no += 1
        phase_start = EPOCH + dt.timedelta(days=rng.randint(0, 1500))
        phase_order = []
        phase_buf = []
        phase_uid = uid
        phase_fields = []
        # Reserve the phase row: its dates are known only after its work packages.
        uid += 1
        made += 1
        wp_no = 0
        cursor = phase_start
        latest = phase_start
        stream = f"{rng.choice(PLACES)} {rng.choice(('Corridor', 'Hub', 'Digital', 'Network', 'Estates'))}"
        while wp_no < 10 and made < total:
            wp_no += 1
            wp_fields = []
            wp_uid = uid
            uid += 1
            made += 1
            prev = None
            wp_start = cursor
            wp_benefit = benefit_id(rng.randint(1, benefits))
            t = cursor
            children = []
            for k in range(1, 9):
                if made >= total:
                    break
                length = rng.randint(1, 25)
                start = t + dt.timedelta(days=rng.randint(0, 3))
                finish = start + dt.timedelta(days=length)
                slip = rng.choice((0, 0, 0, 0, 2, 5, 14))
                baseline = (start - dt.timedelta(days=slip), finish - dt.timedelta(days=slip))
                preds = []
                if prev is not None:
                    ptype = rng.choice((1, 1, 1, 1, 3, 0))
                    preds.append((prev, ptype, rng.choice((0, 0, 0, 1, 2))))
                if k == 5 and children:
                    preds.append((children[0], 3, 0))
                percent = 100 if finish < today else (rng.choice((0, 25, 50, 75)) if start < today else 0)
                r = rng.random()
                if r < 0.25:
                    ben = wp_benefit
                elif r < 0.32:
                    ben = f"{wp_benefit},{benefit_id(rng.randint(1, benefits))}"
                else:
                    ben = None
                name = f"{words(rng, 2, 5).capitalize()} {rng.choice(PLACES)}"
                prev = task(wp_fields, f"{phase_no}.{wp_no}.{k}", 3, name, start, finish, "task", preds, ben,
                            stream if rng.random() < 0.2 else None, baseline, percent)
                children.append(prev)
                made += 1
                t = finish
            wp_has_milestone = made < total
            if made < total:
                ms_day = t + dt.timedelta(days=1)
                prev_ms = task(wp_fields, f"{phase_no}.{wp_no}.9", 3,
                               f"{rng.choice(('Go live', 'Handover', 'Gateway review', 'Contract award'))} {rng.choice(PLACES)}",
                               ms_day, ms_day, "milestone", [(prev, 1, 0)] if prev is not None else [], wp_benefit,
                               None, (ms_day, ms_day), 100 if ms_day < today else 0)
                made += 1
                t = ms_day
            wp_finish = max(t, wp_start)
            wp_row = []
            saved = uid
            uid = wp_uid
            task(wp_row, f"{phase_no}.{wp_no}", 2, f"Work package {phase_no}.{wp_no}: {words(rng, 2, 4)}",
                 wp_start, wp_finish, "summary", stream=stream, baseline=(wp_start, wp_finish),
                 percent=100 if wp_finish < today else 0)
            uid = saved
            phase_fields.append(wp_row[0])
            phase_fields.extend(wp_fields)
            phase_order.append(wp_uid)
            phase_order.extend(children + ([prev_ms] if wp_has_milestone else []))
            latest = max(latest, wp_finish)
            cursor = wp_finish + dt.timedelta(days=rng.randint(-20, 5))
            if cursor < phase_start:
                cursor = phase_start
        saved = uid
        uid = phase_uid
        task(phase_buf, str(phase_no), 1, f"Phase {phase_no}: {rng.choice(PLACES)} {words(rng, 1, 3)}",
             phase_start, latest, "summary", baseline=(phase_start, latest), percent=100 if latest < today else 0)
        uid = saved
        out.write(phase_buf[0])
        order.append(phase_uid)
        for chunk in phase_fields:
            out.write(chunk)
        order.extend(phase_order)
    out.write("</Tasks>\n</Project>\n")
    out.close()
    mspdi_manifest(args, tasks, order, benefits)

    if args.benefits_csv:
        with open(args.benefits_csv, "w", encoding="utf-8", newline="") as f:
            f.write("Benefit ID,Description,Type,Class,Benefit Owner,Realisation Start,Realisation End\n")
            for n in range(1, benefits + 1):
                f.write(f"{benefit_id(n)},Benefit {n} of the plan: {words(rng, 3, 6)},benefit,societal,"
                        f"{rng.choice(OWNERS)},2027-01-01,2030-12-31\n")


def mspdi_manifest(args, tasks, order, benefits):
    """Counts and findings of the plan (and of its --benefits-csv register), worked out as the README's `mspdi` section maps it."""
    if not args.manifest:
        return
    programme = "Coastal-Connect-Mobility"
    ident = lambda u: f"{programme}:T{u}"  # noqa: E731
    # Parent: the nearest preceding task one outline level up; the project summary task (UID 0) is skipped.
    parent, last_at_level = {}, {}
    for u in order:
        level = tasks[u]["level"]
        if u != 0 and level > 1 and (level - 1) in last_at_level:
            parent[u] = last_at_level[level - 1]
        last_at_level[level] = u
    imported = [u for u in order if u != 0]
    children = {}
    for u, p in parent.items():
        children.setdefault(p, []).append(u)
    successors = {}
    for u in imported:
        for p in tasks[u]["preds"]:
            successors.setdefault(p, []).append(u)

    def serves(u):  # GapContext.servesBenefit: itself, its parents, or what depends on it, transitively
        queue, seen = [u], set()
        while queue:
            n = queue.pop()
            if n in seen:
                continue
            seen.add(n)
            if tasks[n]["benefits"]:
                return True
            if n in parent:
                queue.append(parent[n])
            queue.extend(successors.get(n, []))
        return False

    named = sorted({b for u in imported for b in tasks[u]["benefits"]})
    counts = {"objectives": 0, "benefits": 0, "metrics": 0, "baselines": 0, "targets": 0, "measurements": 0,
              "deliverables": len(imported),
              "milestones": sum(tasks[u]["kind"] == "milestone" for u in imported),
              "links": sum(len(tasks[u]["preds"]) + len(tasks[u]["benefits"]) for u in imported)}
    findings = {
        "orphan-deliverable": [ident(u) for u in imported
                               if tasks[u]["kind"] != "summary" and u not in children and not serves(u)],
        "deliverable-slipped": [ident(u) for u in imported if tasks[u]["slipped"]],
        # A plan holds deliverables only: the rules about objectives, benefits and metrics find nothing in it.
        "objective-without-benefit": [], "benefit-without-deliverable": [], "benefit-without-metric": [],
        "metric-without-baseline": [], "metric-without-target": [], "missing-owner": [],
    }
    extra = {"programme": programme}
    if args.benefits_csv:
        all_benefits = [benefit_id(n) for n in range(1, benefits + 1)]
        extra["benefitsCsv"] = {
            "counts": {"objectives": 0, "benefits": benefits, "deliverables": 0, "milestones": 0, "metrics": 0,
                       "baselines": 0, "targets": 0, "measurements": 0, "links": 0},
            "findings": {
                "benefit-without-metric": all_benefits,
                "benefit-without-deliverable": sorted(set(all_benefits) - set(named)),
                "missing-owner": [],
                "objective-without-benefit": [], "metric-without-baseline": [], "metric-without-target": [],
                "orphan-deliverable": [], "deliverable-slipped": [],
            },
        }
    write_manifest(args.manifest, counts, findings, **extra)


# ---------------------------------------------------------------------------------------------- IATI

COUNTRIES = "KE TZ UG ET GH NG SL MW ZM ZW MZ RW SO SS SD BD NP PK AF MM".split()
SECTORS = "11220 12220 12240 12261 14030 15110 15170 16010 23210 31120 43040 72010".split()


def iati(args):
    rng = random.Random(args.seed)
    out = Sink(args.out)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<iati-activities version="2.03" generated-datetime="2025-06-30T12:00:00Z">\n')
    org = "GB-GOV-1"
    counts = dict.fromkeys(("objectives", "benefits", "deliverables", "milestones", "metrics", "baselines", "targets",
                            "measurements", "links"), 0)
    unowned = []  # IATI names no owner: every objective, benefit and metric has none
    for n in range(1, args.activities + 1):
        ident = f"{org}-3{n:06d}"
        parent = n > 1 and rng.random() < 0.3
        hierarchy = 2 if parent else 1
        start = EPOCH + dt.timedelta(days=rng.randint(-2000, 400))
        end = start + dt.timedelta(days=rng.randint(365, 2500))
        a = [f'<iati-activity last-updated-datetime="2025-06-{rng.randint(1, 30):02d}T10:00:00Z" xml:lang="en" '
             f'default-currency="GBP" hierarchy="{hierarchy}">\n',
             f" <iati-identifier>{ident}</iati-identifier>\n",
             f' <reporting-org ref="{org}" type="10"><narrative>Foreign, Commonwealth and Development Office</narrative></reporting-org>\n',
             f" <title><narrative>{esc(words(rng, 4, 9).capitalize())} in {rng.choice(PLACES)}</narrative>"
             f'<narrative xml:lang="fr">{esc(words(rng, 3, 6))}</narrative></title>\n',
             f' <description type="1"><narrative>{esc(words(rng, 8, 20).capitalize())}.</narrative></description>\n',
             f' <description type="2"><narrative>To {esc(words(rng, 10, 20))}.</narrative></description>\n',
             f' <participating-org ref="{org}" role="1" type="10"><narrative>FCDO</narrative></participating-org>\n',
             f' <participating-org ref="XM-DAC-41122" role="2" type="40"><narrative>UNICEF</narrative></participating-org>\n',
             f' <participating-org role="4" type="22"><narrative>{rng.choice(PLACES)} Development Trust</narrative></participating-org>\n',
             f' <activity-status code="{rng.choice((2, 2, 2, 3, 4))}"/>\n',
             f' <activity-date iso-date="{start}" type="1"/>\n',
             f' <activity-date iso-date="{start + dt.timedelta(days=rng.randint(0, 60))}" type="2"/>\n',
             f' <activity-date iso-date="{end}" type="3"/>\n']
        if end < dt.date(2025, 6, 30):
            a.append(f' <activity-date iso-date="{end + dt.timedelta(days=rng.randint(0, 90))}" type="4"/>\n')
        a.append(f' <recipient-country code="{rng.choice(COUNTRIES)}" percentage="100"/>\n')
        for sector in rng.sample(SECTORS, 2):
            a.append(f' <sector vocabulary="1" code="{sector}" percentage="50"/>\n')
        for year in range(start.year, min(end.year, start.year + 1) + 1):
            a.append(f' <budget type="1" status="2"><period-start iso-date="{year}-04-01"/>'
                     f'<period-end iso-date="{year + 1}-03-31"/><value currency="GBP" value-date="{year}-04-01">'
                     f"{rng.randint(10, 5000) * 1000}</value></budget>\n")
        for _ in range(rng.randint(1, 3)):
            day = start + dt.timedelta(days=rng.randint(0, 700))
            a.append(f' <transaction><transaction-type code="{rng.choice((2, 3, 3, 4))}"/>'
                     f'<transaction-date iso-date="{day}"/><value currency="GBP" value-date="{day}">'
                     f"{rng.randint(1, 900) * 1000}</value></transaction>\n")
        if parent:
            a.append(f' <related-activity ref="{org}-3{rng.randint(1, n - 1):06d}" type="1"/>\n')
        counts["deliverables"] += 1
        counts["objectives"] += 1            # description type 2: <activity>#objectives
        unowned.append(f"{ident}#objectives")
        for r_no, rtype in enumerate((2, 1, 1) if rng.random() < 0.2 else (2, 1), start=1):
            result_id = f"{ident}#R{r_no}"
            if rtype == 1:
                counts["deliverables"] += 1      # an output under the project
            else:
                counts["benefits"] += 1          # an outcome: enabled by the project, contributes to the objective
                counts["links"] += 2
                unowned.append(result_id)
            a.append(f' <result type="{rtype}" aggregation-status="{rng.randint(0, 1)}">\n'
                     f"  <title><narrative>{esc(words(rng, 4, 8).capitalize())}</narrative></title>\n"
                     f"  <description><narrative>{esc(words(rng, 5, 10).capitalize())}.</narrative></description>\n")
            for i_no in range(1, rng.choice((1, 1, 2)) + 1):
                counts["metrics"] += 1
                counts["baselines"] += 1
                unowned.append(f"{result_id}#I{i_no}")
                if rtype == 2:
                    counts["links"] += 1         # the metric measures the outcome's benefit
                measure = rng.choice((1, 1, 1, 2, 2))
                ascending = rng.choice((1, 1, 1, 0))
                base = rng.randint(10, 900)
                a.append(f'  <indicator measure="{measure}" ascending="{ascending}">\n'
                         f"   <title><narrative>{esc(words(rng, 3, 7).capitalize())}</narrative></title>\n"
                         f'   <baseline year="{start.year}" iso-date="{start.year}-01-01" value="{base}">'
                         f"<comment><narrative>{esc(words(rng, 3, 6))}</narrative></comment></baseline>\n")
                for p in range(rng.randint(2, 3)):
                    counts["targets"] += 1
                    counts["measurements"] += 1
                    p_start = dt.date(start.year + p, 4, 1)
                    p_end = dt.date(start.year + p + 1, 3, 31)
                    step = (p + 1) * rng.randint(5, 40)
                    target = base + step if ascending else max(0, base - step)
                    actual = "Yes" if rng.random() < 0.005 else str(target + rng.randint(-30, 15))
                    a.append(f'   <period><period-start iso-date="{p_start}"/><period-end iso-date="{p_end}"/>'
                             f'<target value="{target}"/><actual value="{actual}"'
                             + (f"><comment><narrative>{esc(words(rng, 2, 5))}</narrative></comment></actual>"
                                if rng.random() < 0.3 else "/>") + "</period>\n")
                a.append("  </indicator>\n")
            a.append(" </result>\n")
        a.append("</iati-activity>\n")
        out.write("".join(a))
    out.write("</iati-activities>\n")
    out.close()
    write_manifest(args.manifest, counts, {
        "missing-owner": unowned,
        "benefit-without-metric": [], "benefit-without-deliverable": [], "objective-without-benefit": [],
        "metric-without-baseline": [], "metric-without-target": [], "orphan-deliverable": [],
        "deliverable-slipped": [],
    })


# ---------------------------------------------------------------------------------------------- register

FREQUENCIES = (("monthly", 30), ("quarterly", 91), ("annually", 365))


def register(args):
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    nb = args.benefits
    n_obj = max(1, nb // 50)
    n_del = max(1, nb // 4)
    path = lambda name: os.path.join(args.out_dir, name)  # noqa: E731

    objective_parent = {}
    with open(path("objectives.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Objective ID,Statement,Parent,Horizon,Owner,Organisation\n")
        for n in range(1, n_obj + 1):
            parent = f"OBJ-{(n - 1) // 10:04d}" if n > 10 and (n - 1) // 10 >= 1 else ""
            objective_parent[f"OBJ-{n:04d}"] = parent
            f.write(f"OBJ-{n:04d},\"Residents of {rng.choice(PLACES)} reach {words(rng, 2, 4)} within "
                    f"{rng.randint(20, 60)} minutes\",{parent},2030-03-31,{rng.choice(OWNERS)},\n")

    slipped, milestones = [], 0
    with open(path("deliverables.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Deliverable ID,Name,Kind,Planned Start,Planned Finish,Baseline Finish,Forecast Finish,Percent Complete,Owner\n")
        for n in range(1, n_del + 1):
            start = EPOCH + dt.timedelta(days=rng.randint(0, 900))
            finish = start + dt.timedelta(days=rng.randint(30, 700))
            forecast = finish + dt.timedelta(days=rng.choice((0, 0, 0, 14, 60)))
            name = f"{words(rng, 2, 5).capitalize()} {rng.choice(PLACES)}"
            kind = rng.choice(('project', 'output', 'task', 'milestone'))
            f.write(f"DEL-{n:06d},{name},{kind},{start},{finish},{finish},{forecast},"
                    f"{rng.choice((0, 10, 50, 90, 100))},{rng.choice(OWNERS)}\n")
            milestones += kind == "milestone"
            if forecast > finish:
                slipped.append(f"DEL-{n:06d}")

    metrics = []  # (metric id, benefit id, frequency days, baseline, target, direction)
    header = ("Benefit ID,Description,Type,Class,Confidence,Objectives,Enablers,Benefit Owner,Realisation Start,"
              "Realisation End,Metric ID,Metric Name,Unit,Direction,Measure Type,Frequency,Metric Owner,"
              "Baseline Value,Baseline Date,Target Value,Target Date\n")
    bf = open(path("benefits.csv"), "w", encoding="utf-8", newline="")
    bf.write(header)
    mf = None
    if args.metrics_per_benefit > 1:
        mf = open(path("metrics.csv"), "w", encoding="utf-8", newline="")
        mf.write("Metric ID,Metric Name,Benefit IDs,Unit,Direction,Measure Type,Frequency,Metric Owner,"
                 "Baseline Value,Baseline Date,Target Value,Target Date\n")
    served_objectives, enabled, no_enabler, no_owner, enabler_links = set(), set(), [], [], 0
    for n in range(1, nb + 1):
        bid = f"BEN-{n:06d}"
        objective = f"OBJ-{rng.randint(1, n_obj):04d}"
        enablers = ";".join(f"DEL-{rng.randint(1, n_del):06d}" for _ in range(rng.choice((0, 1, 1, 1, 2))))
        rstart = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
        rend = rstart + dt.timedelta(days=rng.randint(365, 1500))
        owner = rng.choice(OWNERS) if rng.random() > 0.05 else ""
        served_objectives.add(objective)
        named = set(enablers.split(";")) - {""}
        enabled |= named
        enabler_links += len(named)
        if not named:
            no_enabler.append(bid)
        if not owner:
            no_owner.append(bid)
        desc = f"{'Faster' if rng.random() < 0.5 else 'More reliable'} {words(rng, 3, 8)} for {rng.choice(PLACES)}"
        for m in range(1, args.metrics_per_benefit + 1):
            mid = f"MET-{n:06d}-{m}"
            freq, days = ("weekly", 7) if args.weekly else rng.choice(FREQUENCIES)
            direction = rng.choice(("increase", "increase", "decrease"))
            base = float(rng.randint(100, 10000))
            target = base * (1.2 if direction == "increase" else 0.8)
            bdate = dt.date(2024, 3, 31)
            tdate = rstart + dt.timedelta(days=rng.randint(400, 1400))
            name = f"{words(rng, 2, 5).capitalize()} ({rng.choice(PLACES)})"
            unit = rng.choice(("trips per month", "minutes", "percent", "pounds"))
            metrics.append((mid, bid, days, base, target, direction, tdate))
            if m == 1:
                bf.write(f"{bid},{desc},benefit,{rng.choice(('cashable', 'non-cashable', 'societal'))},"
                         f"{rng.choice(('high', 'medium', 'low'))},{objective},{enablers},{owner},{rstart},{rend},"
                         f"{mid},{name},{unit},{direction},number,{freq},{rng.choice(OWNERS)},"
                         f"{base:.1f},{bdate},{target:.1f},{tdate}\n")
            else:
                mf.write(f"{mid},{name},{bid},{unit},{direction},number,{freq},{rng.choice(OWNERS)},"
                         f"{base:.1f},{bdate},{target:.1f},{tdate}\n")
    bf.close()
    if mf:
        mf.close()

    as_of = dt.date.fromisoformat(args.as_of)
    with open(path("values.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Metric ID,Kind,Date,Value,Source,Notes\n")
        k = args.measurements_per_metric
        for mid, bid, days, base, target, direction, tdate in metrics:
            # One interim target on the trajectory, then the measurements, oldest first.
            mid_day = dt.date(2024, 3, 31) + (tdate - dt.date(2024, 3, 31)) / 2
            f.write(f"{mid},target,{mid_day},{(base + target) / 2:.1f},Business case,Interim\n")
            if args.weekly:
                # A year of weekly measurements: k, one week apart, the last within the week before --as-of.
                last = as_of - dt.timedelta(days=rng.randint(0, 6))
                value = base
                drift = (target - base) / max(1, k) * rng.uniform(0.2, 1.3)
                for week in range(k - 1, -1, -1):
                    value += drift + rng.uniform(-0.02, 0.02) * base
                    f.write(f"{mid},measurement,{last - dt.timedelta(days=7 * week)},{value:.2f},Weekly return,\n")
                continue
            day = dt.date(2024, 3, 31)
            value = base
            drift = (target - base) / max(1, k) * rng.uniform(0.2, 1.3)
            stale = rng.random() < 0.1
            for _ in range(k):
                day += dt.timedelta(days=days * (3 if stale else 1) + rng.randint(-3, 3))
                value += drift + rng.uniform(-0.02, 0.02) * base
                f.write(f"{mid},measurement,{day},{value:.2f},Monthly return,\n")

    # An objective has a benefit when one contributes to it or to an objective nested under it.
    with_benefit = set()
    for objective in served_objectives:
        while objective and objective not in with_benefit:
            with_benefit.add(objective)
            objective = objective_parent.get(objective, "")
    n_metrics = len(metrics)
    counts = {"objectives": n_obj, "benefits": nb, "deliverables": n_del, "milestones": milestones, "metrics": n_metrics,
              "baselines": n_metrics, "targets": 2 * n_metrics, "measurements": n_metrics * args.measurements_per_metric,
              # contributes-to (benefit -> objective), enabled-by, measures; an objective's parent is no link
              "links": nb + enabler_links + n_metrics}
    findings = {
        "objective-without-benefit": sorted(set(objective_parent) - with_benefit),
        "benefit-without-deliverable": no_enabler,
        "benefit-without-metric": [], "metric-without-baseline": [], "metric-without-target": [],
        "orphan-deliverable": sorted({f"DEL-{n:06d}" for n in range(1, n_del + 1)} - enabled),
        "deliverable-slipped": slipped,
        "missing-owner": no_owner,
    }
    if args.weekly:
        findings["stale-metric"] = []   # every metric measured within the week before --as-of
    write_manifest(args.manifest, counts, findings, asOf=args.as_of if args.weekly else None)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("mspdi")
    p.add_argument("--tasks", type=int, default=100000)
    p.add_argument("--benefits", type=int, default=0, help="benefit ids named (default: tasks / 100)")
    p.add_argument("--out", required=True)
    p.add_argument("--benefits-csv")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--manifest")
    p = sub.add_parser("iati")
    p.add_argument("--activities", type=int, default=20000)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--manifest")
    p = sub.add_parser("register")
    p.add_argument("--benefits", type=int, default=100000)
    p.add_argument("--metrics-per-benefit", type=int, default=1)
    p.add_argument("--measurements-per-metric", type=int, default=10)
    p.add_argument("--out-dir", required=True)
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--weekly", action="store_true", help="weekly metrics, measured one week apart up to --as-of")
    p.add_argument("--as-of", default="2025-06-30")
    p.add_argument("--manifest")
    args = parser.parse_args(argv)
    {"mspdi": mspdi, "iati": iati, "register": register}[args.command](args)


if __name__ == "__main__":
    main(sys.argv[1:])
