/// The site's only stylesheet, served from `/assets/app.css`. Plain CSS, phone first: everything
/// works from 360 px wide up, with larger tap targets on small screens.
enum Stylesheet {
    static let css = """
        :root { --ink:#1f2933; --muted:#616e7c; --line:#d9dee5; --bg:#f5f7fa; --brand:#b3261e; --accent:#1d4ed8; --ok:#166534; --warn:#b45309; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin:0; font-family: "PingFang SC","Noto Sans CJK SC","Microsoft YaHei","Source Han Sans SC",sans-serif; color:var(--ink); background:var(--bg); line-height:1.6; font-size:16px; }
        a { color:var(--accent); }
        .site-header { display:flex; flex-wrap:wrap; align-items:center; gap:.25rem 1rem; padding:.6rem 1rem; background:var(--brand); color:#fff; }
        .site-header a, .site-header .link { color:#fff; }
        .brand { font-weight:700; font-size:1.25rem; text-decoration:none; letter-spacing:.1em; }
        .org { font-size:.9rem; opacity:.9; flex:1 1 12rem; }
        .who { display:flex; flex-direction:column; font-size:.9rem; line-height:1.3; }
        .who small { opacity:.85; }
        .logout { margin:0; }
        button.link { background:none; border:0; padding:.5rem 0; font:inherit; text-decoration:underline; cursor:pointer; min-height:44px; }
        .menu { background:#fff; border-bottom:1px solid var(--line); }
        .menu ul { display:flex; flex-wrap:wrap; align-items:center; gap:0 .25rem; list-style:none; margin:0; padding:0 .5rem; }
        .menu a { display:block; padding:.7rem .75rem; text-decoration:none; color:var(--ink); min-height:44px; white-space:nowrap; }
        .menu a[aria-current="page"] { color:var(--brand); font-weight:600; box-shadow: inset 0 -3px 0 var(--brand); }
        .menu li.quick { margin-left:auto; }
        .menu li.quick a.button { color:#fff; padding:.45rem .9rem; min-height:0; box-shadow:none; }
        .menu ul.submenu { background:#f8f9fb; border-top:1px solid var(--line); font-size:.95rem; }
        .menu ul.submenu a { padding:.55rem .75rem; min-height:40px; }
        main { max-width:72rem; margin:0 auto; padding:1rem; }
        h1 { font-size:1.4rem; margin:.5rem 0 1rem; }
        h2 { font-size:1.15rem; margin:1.5rem 0 .75rem; }
        .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:1rem; margin-bottom:1rem; }
        .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(10rem,1fr)); gap:.75rem; }
        .stat { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.75rem 1rem; }
        .stat b { display:block; font-size:1.6rem; }
        .stat span { color:var(--muted); font-size:.9rem; }
        .stat small { display:block; color:var(--muted); }
        a.stat { text-decoration:none; color:var(--ink); }
        .cards + .card, .cards + section.card { margin-top:1rem; }
        a.stat.urgent { border-color:#dc2626; } a.stat.urgent b { color:#dc2626; }
        svg.chart { width:100%; height:auto; max-width:48rem; background:#fff; border:1px solid var(--line); border-radius:8px; }
        ul.columns { columns:16rem; padding-left:1.25rem; }
        .outcomes td, .outcomes th { white-space:nowrap; }
        .flash { background:#ecfdf5; border:1px solid #a7f3d0; color:var(--ok); padding:.6rem .8rem; border-radius:6px; }
        .caution { background:#fffbeb; border:1px solid #fde68a; color:#92400e; padding:.6rem .8rem; border-radius:6px; }
        .error-summary { background:#fef2f2; border:1px solid #fecaca; color:#991b1b; padding:.6rem .8rem; border-radius:6px; margin-bottom:1rem; }
        .error-summary ul { margin:.25rem 0 0; padding-left:1.25rem; }
        .field { margin-bottom:1rem; border:0; padding:0; }
        .field > label, legend { display:block; font-weight:600; margin-bottom:.3rem; }
        .req { color:var(--brand); margin-left:.15rem; }
        input[type=text], input[type=url], input[type=email], input[type=month], input[type=password], input[type=tel], input[type=search], input[type=number], input[type=date], select, textarea {
          width:100%; max-width:32rem; font:inherit; padding:.6rem .7rem; border:1px solid #b8c2cc; border-radius:6px; background:#fff; min-height:44px; }
        textarea { max-width:48rem; min-height:8rem; }
        [aria-invalid="true"] { border-color:#dc2626; }
        .field-error { color:#b91c1c; margin:.25rem 0 0; font-size:.92rem; }
        .hint { color:var(--muted); margin:.25rem 0 0; font-size:.9rem; }
        .checks { display:flex; flex-wrap:wrap; gap:.25rem 1rem; }
        label.check { display:inline-flex; align-items:center; gap:.4rem; min-height:44px; font-weight:normal; }
        input[type=checkbox] { width:1.2rem; height:1.2rem; }
        .button, button[type=submit]:not(.link) { display:inline-block; font:inherit; padding:.6rem 1.2rem; min-height:44px; border-radius:6px; border:1px solid var(--brand); background:var(--brand); color:#fff; cursor:pointer; text-decoration:none; }
        .button.secondary, button.secondary { background:#fff; color:var(--brand); }
        .field-grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(14rem,1fr)); gap:0 1rem; }
        form.inline { display:inline; }
        .visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
        .actions { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; margin:1rem 0; }
        .filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:flex-end; margin-bottom:1rem; }
        .filters .field { margin:0; flex:1 1 10rem; }
        table { width:100%; border-collapse:collapse; background:#fff; }
        th, td { text-align:left; padding:.55rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f0f2f5; font-weight:600; white-space:nowrap; }
        td.day { white-space:nowrap; }
        .api-operation { border-top:1px solid var(--line); padding-top:.5rem; margin-top:1.5rem; }
        .api-method { display:inline-block; min-width:4.2rem; padding:.1rem .4rem; border-radius:4px; background:#f0f2f5; font-size:.85rem; }
        .table-wrap { overflow-x:auto; border:1px solid var(--line); border-radius:8px; }
        .muted { color:var(--muted); }
        .export-links { margin:.25rem 0 .75rem; font-size:.92rem; color:var(--muted); }
        .tag { display:inline-block; padding:0 .4rem; border-radius:4px; background:#eef2ff; color:#3730a3; font-size:.85rem; margin:0 .2rem .2rem 0; }
        .tag.off { background:#f3f4f6; color:var(--muted); }
        .tag.overdue { background:#fee2e2; color:#991b1b; }
        a.bell b.count { display:inline-block; min-width:1.2rem; margin-left:.2rem; padding:0 .3rem; border-radius:999px; background:#dc2626; color:#fff; font-size:.8rem; text-align:center; }
        ul.notices li.unread { font-weight:600; }
        ul.tabs { list-style:none; display:flex; flex-wrap:wrap; gap:.4rem 1rem; padding:0; margin:.5rem 0 1rem; }
        ol.timeline { padding-left:1.2rem; } ol.timeline li { margin:.4rem 0; } ol.timeline time { color:var(--muted); }
        details.action { margin:.5rem 0; } details.action summary { cursor:pointer; font-weight:600; min-height:32px; }
        ul.changes { list-style:none; margin:0; padding:0; font-size:.92rem; }
        ul.changes b { font-weight:600; color:var(--muted); }
        .pager { display:flex; gap:1rem; margin:1rem 0; align-items:center; }
        .tree li { margin:.2rem 0; }
        .indent-1 { padding-left:1.25rem; } .indent-2 { padding-left:2.5rem; } .indent-3 { padding-left:3.75rem; }
        .login { max-width:24rem; margin:2rem auto; }
        .rule-editor input:not([type]) { width:100%; min-width:12rem; min-height:40px; }
        .pre-wrap { white-space:pre-wrap; }
        .error-page { text-align:center; padding:3rem 1rem; }
        .site-footer { text-align:center; color:var(--muted); font-size:.85rem; padding:2rem 1rem; }
        code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size:.9em; word-break:break-all; }
        /* In a table a name keeps whole and sets its column's least width; the other columns wrap. */
        td code { word-break:normal; overflow-wrap:break-word; }
        dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.3rem 1rem; margin:0; }
        dl.facts dt { color:var(--muted); }
        dl.facts dd { margin:0; }
        th.pick, td.pick { width:2.5rem; text-align:center; } td.pick input { width:1.3rem; height:1.3rem; }
        ul.plain, ul.findings, ul.picks, ul.members { list-style:none; margin:0; padding:0; }
        ul.findings li { margin:.3rem 0; }
        ul.picks a.pick { display:block; padding:.8rem 1rem; margin-bottom:.5rem; min-height:44px; background:#fff; border:1px solid var(--line); border-radius:8px; text-decoration:none; color:var(--ink); }
        ul.picks a.pick small { display:block; color:var(--muted); }
        .visit-form label.check { min-width:9rem; }
        /* A proposal's members: the box beside a line of text that wraps as text does. */
        ul.members li { display:flex; align-items:flex-start; gap:.5rem; padding:.35rem 0; border-bottom:1px solid var(--line); }
        ul.members li input { margin-top:.3rem; width:1.2rem; height:1.2rem; flex:none; }
        ul.members li label { font-weight:normal; }
        .hide-wide { display:none; }
        .lead { font-size:1.1rem; }
        progress { width:100%; max-width:32rem; height:1.2rem; }
        @media (max-width: 480px) {
          .hide-wide { display:block; }
          .visit-form button[type=submit] { width:100%; }
          .site-header { padding:.5rem .75rem; }
          .menu ul { padding:0 .25rem; } .menu a { padding:.65rem .55rem; }
          main { padding:.75rem; }
          th, td { padding:.5rem .4rem; font-size:.95rem; }
          .hide-narrow { display:none; }
          dl.facts { grid-template-columns:1fr; }
          dl.facts dd { margin-bottom:.4rem; }
        }
        @media print { .menu, .logout, .site-footer, .no-print { display:none; } body { background:#fff; } }
        .bulletin h1 { text-align:center; } .bulletin p { line-height:1.8; }
        .badge { display:inline-block; padding:0 .4rem; border-radius:.25rem; font-size:.85rem; background:#eef; }
        .badge.warn { background:#fde2e1; color:#a61b1b; }
        .tabs.small a { font-size:.9rem; }
        .grid-2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(16rem, 1fr)); gap:0 1rem; }
        tr.group th { text-align:left; background:#f2f4f8; }
        tr.heading td { font-weight:bold; }
        tr.level-3 td:nth-child(2) { padding-left:1.2rem; } tr.level-4 td:nth-child(2) { padding-left:2.4rem; }
        tr.missing td:last-child, .standing-behind { color:#a61b1b; }
        .plan-preview input[type=text], .plan-preview input:not([type]) { width:100%; min-width:6rem; }
        .plan-preview textarea { width:100%; }
        .task-text { white-space:pre-wrap; line-height:1.7; }
        """
}
