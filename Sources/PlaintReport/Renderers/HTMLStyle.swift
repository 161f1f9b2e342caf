/// Escaping for HTML text and attribute values.
enum HTML {
  /// `text` with `& < > " '` replaced by entities, safe in text and in quoted attributes.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

/// The inline style sheet of `index.html`: system fonts only, no external resource, and a print
/// style that keeps charts and tables whole on a page.
enum HTMLStyle {
  /// Chart styles, shared with standalone SVG files.
  static let chart = """
    .chart{width:100%;height:auto;max-width:760px;font:10px system-ui,sans-serif}
    .chart .grid{stroke:#e3e3e3;stroke-width:1}
    .chart .axis{stroke:#888;stroke-width:1}
    .chart .tick{fill:#555}
    .chart .heading{fill:#333;font-size:11px}
    .chart .gap rect{fill:#ececec}
    .chart .gap-mark{stroke:#777;stroke-width:1.5;fill:none}
    .chart .limit{stroke:#d0661f;stroke-width:1.2;fill:none}
    .chart .center{stroke:#2f6f3e;stroke-width:1.2;stroke-dasharray:5 3;fill:none}
    .chart .rate{stroke:#1f4e8c;stroke-width:1.6;fill:none}
    .chart .point{fill:#1f4e8c}
    .chart .signal{fill:#c62828;stroke:#fff;stroke-width:1}
    .chart .marker line{stroke:#6a1b9a;stroke-width:1.2;stroke-dasharray:4 3}
    .chart .marker text{fill:#6a1b9a;font-size:10px}
    .chart .improvement{fill:#2e7d32;stroke:#fff;stroke-width:1}
    .chart .bar{fill:#9db4d3}
    .chart .bar.vital{fill:#1f4e8c}
    .chart .cumulative{stroke:#c62828;stroke-width:1.6;fill:none}
    .chart .cumulative-point{fill:#c62828}
    .chart .threshold{stroke:#555;stroke-width:1;stroke-dasharray:4 3}
    """

  static let page = """
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:1100px;padding:16px 20px 40px;color:#1d1d1f;
    font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    h1{font-size:24px;margin:4px 0 2px}
    h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
    h3{font-size:16px;margin:18px 0 6px}
    .sub,.note{color:#555;margin:2px 0 10px}
    .cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
    .card{flex:1 1 200px;border:1px solid #ddd;border-radius:6px;padding:10px 12px;background:#fafafa}
    .card .value{font-size:26px;font-weight:650}
    .card .label{color:#444}
    .card.alert{border-color:#c62828;background:#fdf0ef}
    .card.alert .value{color:#c62828}
    table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
    th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
    th{background:#f3f3f3;font-weight:600}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    .vital-few{display:flex;flex-wrap:wrap;gap:24px}
    .vital-few>div{flex:1 1 320px}
    .vital-few ol{margin:4px 0;padding-left:22px}
    .anomaly{border-left:4px solid #c62828;padding:2px 0 2px 12px;margin:18px 0}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}
    .facts dt{color:#555}
    .facts dd{margin:0}
    .tickets{color:#444;font-size:12px;word-break:break-all}
    .heat td{text-align:center;min-width:86px}
    .heat td small{color:#333}
    .h0{background:#cfe8d2}.h1{background:#e8f4e9}.h2{background:#fafafa}
    .h3{background:#fde4cf}.h4{background:#f8bf9f}.h5{background:#ee8a73}
    .na{background:repeating-linear-gradient(45deg,#f1f1f1,#f1f1f1 4px,#e2e2e2 4px,#e2e2e2 8px);
    color:#777}
    .flag{outline:2px solid #c62828;outline-offset:-2px;font-weight:650}
    .legend span{display:inline-block;padding:1px 8px;margin-right:4px;border:1px solid #ddd}
    .ok{color:#2e7d32}.bad{color:#c62828}
    .pair{display:flex;gap:16px;align-items:flex-start}.pair figure{flex:1;margin:0;min-width:0}
    figcaption{font-size:12px;color:#555;text-align:center}
    footer{margin-top:32px;color:#666;font-size:12px;border-top:1px solid #ddd;padding-top:8px}
    @media print{
    body{max-width:none;padding:0;font-size:10pt}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    h2{break-after:avoid}
    figure,.cards,.card,tr,li,.pair{break-inside:avoid}
    .chart{max-width:100%}
    a{color:inherit;text-decoration:none}
    }
    @page{margin:14mm}
    """
}
