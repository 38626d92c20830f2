package io.runpack.cli.report;

/**
 * The page's one stylesheet, inline (the Content-Security-Policy allows inline style and nothing
 * else): system fonts only, no image, no URL; a print stylesheet that drops colour backgrounds,
 * keeps table rows whole and shows the long hashes in full.
 */
final class PageStyle {

  private PageStyle() {}

  /** Allows inline style only: no script, image, font, frame, connection or form target. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  static final String CSS =
      """
      :root{color-scheme:light;--ok:#17633a;--bad:#a11d1d;--muted:#5b6470;--line:#d9dee4}
      *{box-sizing:border-box}
      body{margin:0 auto;max-width:72rem;padding:1.5rem;font:15px/1.45 system-ui,-apple-system,\
      "Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f24;background:#fff}
      h1{font-size:1.6rem;margin:0 0 .3rem}
      h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
      code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.86em}
      .verdict{border-radius:.5rem;padding:1rem 1.2rem;border:2px solid}
      .verdict.pass{border-color:var(--ok);background:#eef8f1}
      .verdict.fail{border-color:var(--bad);background:#fbeeee}
      .verdict .status{font-weight:700;text-transform:uppercase}
      .pass .status{color:var(--ok)}.fail .status{color:var(--bad)}
      .errors li{color:var(--bad);overflow-wrap:anywhere}
      dl.identity{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.2rem;margin:0}
      dl.identity dt{color:var(--muted)}dl.identity dd{margin:0;overflow-wrap:anywhere}
      table{border-collapse:collapse;width:100%;font-size:.92em}
      th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
      th{background:#f3f5f7;font-weight:600}
      td{overflow-wrap:anywhere}
      td.num{text-align:right;white-space:nowrap}
      td.time{white-space:nowrap}
      #files td:nth-child(2){white-space:nowrap}
      tr.check-ok td.check{color:var(--ok)}
      tr.check-bad td.check{color:var(--bad);font-weight:600}
      .kind{white-space:nowrap;font-weight:600}
      tr.caused td.what{padding-left:1.5rem}
      tr.gap td{color:var(--muted);font-style:italic;text-align:center}
      .detail{color:var(--muted);display:block;white-space:pre-wrap}
      .note{color:var(--muted);font-size:.9em}
      footer{margin-top:2.5rem;color:var(--muted);font-size:.85em}
      @page{margin:14mm}
      @media print{
        table{font-size:8.5pt}
        body{max-width:none;padding:0;font-size:10pt;color:#000}
        .verdict{background:none!important}
        h2{break-after:avoid}
        tr,li{break-inside:avoid}
        thead{display:table-header-group}
        th{background:none}
        a{color:#000;text-decoration:none}
      }
      """;
}
