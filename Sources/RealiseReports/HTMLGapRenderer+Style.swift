extension HTMLGapRenderer {
    /// The report's one stylesheet: system fonts only, print rules that need no background colours. Pages that look
    /// like the report (the web workspace's) use it too.
    public static let css = """
        :root { --ink: #1a1a1a; --muted: #5c5c5c; --rule: #d6d6d6; --accent: #2b4a7a;
          --high: #b00020; --medium: #9a5b00; --low: #1f5f8b; --good: #2e6b34; --fair: #9a7b00; --poor: #b00020; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #ffffff;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 32px 40px 48px; }
        header.report { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 20px; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 700; color: var(--accent); }
        h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 6px; }
        .asof { margin: 0; font-size: 16px; }
        .meta { margin: 4px 0 0; color: var(--muted); }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); break-after: avoid; }
        h3 { font-size: 16px; margin: 22px 0 8px; break-after: avoid; }
        .note { color: var(--muted); max-width: 80em; margin: 0 0 12px; }
        .empty { font-style: italic; color: var(--muted); }
        .lead { font-size: 16px; margin: 0 0 10px; }
        .tiles { display: flex; gap: 14px; flex-wrap: wrap; }
        .tile { flex: 1 1 150px; border: 1px solid var(--rule); border-left: 8px solid var(--rule); padding: 10px 14px;
          display: flex; flex-direction: column; break-inside: avoid; }
        .tile .count { font-size: 34px; font-weight: 700; line-height: 1.1; }
        .tile .what { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; font-size: 12px; }
        .tile.high { border-left-color: var(--high); } .tile.high .count, .tile.high .what { color: var(--high); }
        .tile.medium { border-left-color: var(--medium); } .tile.medium .count, .tile.medium .what { color: var(--medium); }
        .tile.low { border-left-color: var(--low); } .tile.low .count, .tile.low .what { color: var(--low); }
        .tile.plan { border-left-color: var(--accent); } .tile.plan .what { color: var(--muted); }
        .tile .counts { font-size: 13px; margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
        th, td { text-align: left; vertical-align: top; padding: 7px 8px; border-bottom: 1px solid var(--rule); }
        thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
          border-bottom: 2px solid #8c8c8c; vertical-align: bottom; }
        tbody th { font-weight: 400; }
        tr { break-inside: avoid; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .id { font-weight: 700; margin-right: 4px; }
        .statement, .name { color: #333333; }
        tfoot th, tfoot td { border-top: 2px solid #8c8c8c; border-bottom: none; font-weight: 700; }
        tfoot .statement { font-weight: 400; color: var(--muted); }
        .depth-1 { padding-left: 24px; } .depth-2 { padding-left: 40px; } .depth-3, .depth-4 { padding-left: 56px; }
        table.coverage td { white-space: nowrap; width: 13%; }
        table.coverage td.num { width: 6%; }
        td.none { color: var(--muted); font-style: italic; }
        .bar { display: flex; align-items: center; gap: 8px; }
        .track { display: inline-block; width: 84px; height: 12px; border: 1px solid #7a7a7a; background: #ffffff; }
        .fill { display: block; height: 100%; background: var(--accent); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .bar.good .fill { background: var(--good); } .bar.fair .fill { background: var(--fair); } .bar.poor .fill { background: var(--poor); }
        .value { font-variant-numeric: tabular-nums; } .pct { color: var(--muted); }
        .badge { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 7px; border: 1.5px solid currentColor;
          border-radius: 3px; text-transform: uppercase; letter-spacing: .05em; vertical-align: 1px; }
        .badge.high, h3.high { color: var(--high); } .badge.medium, h3.medium { color: var(--medium); } .badge.low, h3.low { color: var(--low); }
        h3.severity { color: var(--ink); }
        table.findings thead th:nth-child(1) { width: 18%; } table.findings thead th:nth-child(2) { width: 30%; }
        table.findings thead th:nth-child(3) { width: 20%; } table.findings thead th:nth-child(4) { width: 12%; }
        table.findings tbody { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid var(--rule); }
        table.findings tbody th { text-align: left; vertical-align: top; font-weight: normal; }
        table.findings.high tbody th { border-left: 4px solid var(--high); }
        table.findings.medium tbody th { border-left: 4px solid var(--medium); }
        table.findings.low tbody th { border-left: 4px solid var(--low); }
        ul.subjects { margin: 2px 0 0; padding-left: 16px; font-size: 12px; columns: 2; }
        .none { color: var(--muted); font-style: italic; }
        .rag { display: inline-block; font-size: 11px; font-weight: 700; padding: 0 6px; border-radius: 3px; color: #ffffff;
          text-transform: uppercase; letter-spacing: .04em; }
        .rag.red, .rag.amber-red { background: var(--high); } .rag.amber, .rag.amber-green { background: #8a5a00; }
        .rag.green { background: #2e6b30; } .review { font-size: 12px; }
        ul.actions { margin: 4px 0 0; padding-left: 16px; font-size: 12px; font-weight: 400; } td.overdue { font-weight: 700; }
        .type { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; overflow-wrap: break-word; }
        dl.evidence { margin: 0; font-size: 12px; }
        dl.evidence div { margin: 0 0 1px; }
        dl.evidence dt, dl.evidence dd { display: inline; }
        dl.evidence dt { color: var(--muted); } dl.evidence dt::after { content: ": "; }
        dl.evidence dd { margin: 0; overflow-wrap: break-word; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 18px; }
        figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart { border: 1px solid var(--rule); padding: 12px 14px; }
        figure.chart figcaption { font-weight: 700; font-size: 15px; margin-bottom: 4px; }
        figure.map { border: 1px solid var(--rule); padding: 12px; }
        svg { display: block; max-width: 100%; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        .facts { margin: 6px 0 0; font-size: 12.5px; color: #333333; }
        .flag { margin: 6px 0 0; font-size: 12.5px; }
        .off { color: var(--high); }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 10px; font-size: 12px; color: #333333; }
        .legend span { display: inline-flex; align-items: center; gap: 6px; }
        .key { display: inline-block; width: 22px; height: 14px; border: 1.5px solid; border-radius: 3px; font-style: normal;
          text-align: center; font-size: 10px; font-weight: 700; line-height: 11px; }
        .key.objective { background: #e8eef7; border-color: #2b4a7a; } .key.benefit { background: #e9f4ea; border-color: #2e6b34; }
        .key.metric { background: #fff6dc; border-color: #8a6d00; border-radius: 7px; } .key.deliverable { background: #f5f5f5; border-color: #666666; }
        .key.orphan { background: #f5f5f5; border: 1.5px dashed #666666; } .key.gap { border: 2.5px solid #c00000; color: #c00000; }
        .line { display: inline-block; width: 26px; height: 0; border-top: 2px dashed #a07800; }
        .line.partof { border-top: 2px dotted #9a9a9a; }
        footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
        footer p { margin: 2px 0; }
        @page { size: A4; margin: 14mm; }
        @page map { size: A4 landscape; margin: 14mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { margin-top: 20px; }
          .charts { display: block; }
          figure.chart { margin-bottom: 12px; }
          .tile, figure, tr, .flag { break-inside: avoid; page-break-inside: avoid; }
          table.coverage, table.findings { font-size: 8.5pt; }
          table.coverage { table-layout: fixed; }
          thead th { letter-spacing: 0; font-size: 7.5pt; }
          table.coverage thead th { width: 14.5%; }
          table.coverage thead th:first-child { width: 32%; }
          table.coverage thead th.num { width: 10%; }
          table.coverage td { width: auto; white-space: normal; }
          tfoot { display: table-row-group; }
          .bar { gap: 4px; }
          .track { width: 36px; height: 9px; }
          code { font-size: 8pt; }
          section#map { break-before: page; page: map; }
          .map-page + .map-page { break-before: page; }
          .map-page svg { width: 100%; height: auto; max-height: 150mm; margin: 0 auto; }
          .map-page:first-of-type svg { max-height: 125mm; }
          figure.map { border: none; padding: 0; }
        }

        """
}
