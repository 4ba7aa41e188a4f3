extension PageLayout {
    /// What the pages add to the report's stylesheet: the skip link, the site header, forms, flash messages, and
    /// narrower margins and scrolling tables on a phone.
    static let css = """
        .skip { position: absolute; left: -9999px; top: 0; background: #ffffff; padding: 8px 12px; z-index: 10; }
        .skip:focus { left: 8px; }
        header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 10px 40px;
          border-bottom: 3px solid var(--accent); }
        header.site .brand { margin: 0; font-weight: 700; font-size: 18px; }
        header.site nav ul { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; margin: 0; padding: 0; }
        header.site a { color: var(--accent); }
        header.site a[aria-current="page"] { font-weight: 700; text-decoration: none; }
        .who { margin-left: auto; display: flex; align-items: center; gap: 10px; }
        .who form { margin: 0; }
        a { color: var(--accent); } a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #ffbf47; }
        form.edit, form.filter { border: 1px solid var(--rule); padding: 10px 14px; margin: 0 0 16px; max-width: 40em; }
        form.inline { display: inline; margin: 0; }
        .field { margin: 0 0 8px; } .field label { display: block; font-weight: 700; margin-bottom: 2px; }
        input, select, textarea, button { font: inherit; padding: 6px 8px; max-width: 100%; }
        input[type=text], input[type=password], input[type=date], input:not([type]), select { width: 22em; }
        button { border: 1px solid var(--accent); background: var(--accent); color: #ffffff; border-radius: 3px; cursor: pointer; }
        form.inline button, .who button { background: #ffffff; color: var(--accent); padding: 2px 8px; }
        .flash { border: 1px solid var(--rule); border-left: 8px solid var(--good); padding: 8px 14px; margin: 0 0 16px; }
        .flash.error { border-left-color: var(--high); } .flash p, .flash ul { margin: 2px 0; }
        .scroll { overflow-x: auto; }
        a.tile { text-decoration: none; color: var(--ink); } a.tile:hover .what { text-decoration: underline; }
        dl.fields { margin: 0; } dl.fields div { display: flex; flex-wrap: wrap; gap: 0 12px; padding: 3px 0; border-bottom: 1px solid var(--rule); }
        dl.fields dt { font-weight: 700; min-width: 11em; } dl.fields dd { margin: 0; overflow-wrap: anywhere; }
        ul.tree, ul.tree ul { list-style: none; padding-left: 18px; margin: 2px 0; }
        .downloads a { margin-right: 12px; }
        @media (max-width: 640px) {
          main { padding: 16px 14px 32px; } header.site { padding: 8px 14px; } .who { margin-left: 0; }
          input[type=text], input[type=password], input[type=date], input:not([type]), select { width: 100%; }
          h1 { font-size: 22px; }
          .charts { grid-template-columns: 1fr; }
          table.coverage, table.findings { display: block; overflow-x: auto; }
        }

        """
}
