/// The words for a Pareto or driver window that holds periods a product line's exports do not
/// cover whole, and for lines left out of the share charts while their history is shorter than
/// the baseline, in every language.
extension ReportText {
  /// "Not covered whole by the exports in this window: Blenders (2025-03 and 2025-04). …"; nil
  /// when every line is covered whole in the Pareto window.
  func vitalNotWhole(_ report: ReportModel) -> String? {
    guard let lines = report.pareto.linesNotCovered, !lines.isEmpty else { return nil }
    let items = lines.map {
      self(.vitalNotWholeItem, productLine($0.productLine), list($0.periods.map(period)))
    }
    return self(.vitalNotWhole, items.joined(separator: self[.listSeparator]))
  }

  /// Whether a Pareto key by cell ("category/line/tier") is of a line the window does not
  /// cover whole.
  func isNotWhole(cellKey key: String, _ report: ReportModel) -> Bool {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return false }
    return (report.pareto.linesNotCovered ?? []).contains { $0.productLine == parts[1] }
  }

  /// A product line's driver summary: its complaints, and the periods of the window the exports
  /// do not cover whole, else the complaints of the window before ("not comparable" without).
  func driverSummary(_ table: ReportModel.DriverTable) -> String {
    if let periods = table.periodsNotCovered, !periods.isEmpty {
      return self(
        table.complaints == 1 ? .driversLineNotWholeOne : .driversLineNotWhole,
        count(table.complaints), list(periods.map(period)))
    }
    return self(
      table.complaints == 1 ? .driversLineSummaryOne : .driversLineSummary,
      count(table.complaints), table.previousComplaints.map(count) ?? self[.notComparable])
  }

  /// "2025-03 not covered whole in this window", for an anomaly's vital few; nil when the
  /// window is covered whole.
  func driverWindowNotWhole(_ table: ReportModel.DriverTable) -> String? {
    guard let periods = table.periodsNotCovered, !periods.isEmpty else { return nil }
    return self(.driversWindowNotWhole, list(periods.map(period)))
  }

  /// The lines left out of the share charts, and when each joins them; nil when none is.
  func sharesLeftOut(_ report: ReportModel) -> String? {
    guard let lines = report.shares?.linesLeftOut, !lines.isEmpty else { return nil }
    let items = lines.map {
      self(.sharesLeftOutItem, productLine($0.productLine), period($0.from), period($0.joins))
    }
    return self(.sharesLeftOut, items.joined(separator: self[.listSeparator]))
  }

  /// The language's table of these words.
  static func windowPhrases(_ language: ReportLanguage) -> [ReportPhrase: String] {
    switch language {
    case .english:
      [
        .vitalNotWhole:
          "Not covered whole by the exports in this window: {0}. Their counts here, and the shares and ranks that hold them, leave out what the exports miss, so they read too low.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "not covered whole",
        .driversLineNotWhole: "{0} complaints, {1} not covered whole in this window",
        .driversLineNotWholeOne: "{0} complaint, {1} not covered whole in this window",
        .driversWindowNotWhole: "{0} not covered whole in this window",
        .sharesLeftOut:
          "Left out of the shares, their complaints and the total alike, until their history is as long as the baseline: {0}. A share is compared only across periods that hold the same product lines, and a line that began inside the baseline would move the mix by its own.",
        .sharesLeftOutItem: "{0} (its history begins in {1}; counted from the report of {2})",
      ]
    case .german:
      [
        .vitalNotWhole:
          "In diesem Zeitfenster von den Exporten nicht vollständig abgedeckt: {0}. Ihre Zahlen hier und die Anteile und Ränge, die sie enthalten, lassen aus, was den Exporten fehlt, und fallen daher zu niedrig aus.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "nicht vollständig abgedeckt",
        .driversLineNotWhole:
          "{0} Beschwerden, {1} in diesem Zeitfenster nicht vollständig abgedeckt",
        .driversLineNotWholeOne:
          "{0} Beschwerde, {1} in diesem Zeitfenster nicht vollständig abgedeckt",
        .driversWindowNotWhole: "{0} in diesem Zeitfenster nicht vollständig abgedeckt",
        .sharesLeftOut:
          "Aus den Anteilen herausgenommen, ihre Beschwerden wie die Gesamtzahl, bis ihr Verlauf so lang ist wie die Basis: {0}. Ein Anteil wird nur über Perioden mit denselben Produktlinien verglichen, und eine Linie, die innerhalb der Basis begonnen hat, würde die Zusammensetzung allein verschieben.",
        .sharesLeftOutItem: "{0} (Verlauf ab {1}; gezählt ab dem Bericht für {2})",
      ]
    case .french:
      [
        .vitalNotWhole:
          "Non couvertes en entier par les exports dans cette fenêtre : {0}. Leurs comptes ici, et les parts et rangs qui les contiennent, omettent ce qui manque aux exports et sont donc trop bas.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "non couverte en entier",
        .driversLineNotWhole: "{0} plaintes, {1} non couvert en entier dans cette fenêtre",
        .driversLineNotWholeOne: "{0} plainte, {1} non couvert en entier dans cette fenêtre",
        .driversWindowNotWhole: "{0} non couvert en entier dans cette fenêtre",
        .sharesLeftOut:
          "Exclues des parts, leurs plaintes comme le total, jusqu'à ce que leur historique soit aussi long que la base : {0}. Une part n'est comparée qu'entre des périodes qui comptent les mêmes lignes de produits, et une ligne apparue dans la base déplacerait à elle seule la répartition.",
        .sharesLeftOutItem: "{0} (historique depuis {1} ; comptée à partir du rapport de {2})",
      ]
    case .spanish:
      [
        .vitalNotWhole:
          "No cubiertas por completo por las exportaciones en esta ventana: {0}. Sus recuentos aquí, y las cuotas y puestos que los contienen, omiten lo que falta en las exportaciones, así que resultan demasiado bajos.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "no cubierta por completo",
        .driversLineNotWhole: "{0} quejas, {1} no cubierto por completo en esta ventana",
        .driversLineNotWholeOne: "{0} queja, {1} no cubierto por completo en esta ventana",
        .driversWindowNotWhole: "{0} no cubierto por completo en esta ventana",
        .sharesLeftOut:
          "Fuera de las cuotas, tanto sus quejas como el total, hasta que su historial sea tan largo como la base: {0}. Una cuota solo se compara entre periodos con las mismas líneas de producto, y una línea que empezó dentro de la base movería la mezcla por sí sola.",
        .sharesLeftOutItem: "{0} (historial desde {1}; se cuenta desde el informe de {2})",
      ]
    case .polish:
      [
        .vitalNotWhole:
          "Nieobjęte w całości przez eksporty w tym oknie: {0}. Ich liczby tutaj oraz udziały i pozycje, które je zawierają, pomijają to, czego brakuje w eksportach, więc są zaniżone.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "nieobjęta w całości",
        .driversLineNotWhole: "{0} skarg, {1} nieobjęte w całości w tym oknie",
        .driversLineNotWholeOne: "{0} skarga, {1} nieobjęte w całości w tym oknie",
        .driversWindowNotWhole: "{0} nieobjęte w całości w tym oknie",
        .sharesLeftOut:
          "Pominięte w udziałach, zarówno ich skargi, jak i suma, dopóki ich historia nie będzie tak długa jak baza: {0}. Udział porównuje się tylko między okresami z tymi samymi liniami produktów, a linia, która zaczęła się w bazie, sama przesunęłaby strukturę.",
        .sharesLeftOutItem: "{0} (historia od {1}; liczona od raportu za {2})",
      ]
    case .turkish:
      [
        .vitalNotWhole:
          "Bu pencerede dışa aktarımlarca tamamen kapsanmayanlar: {0}. Buradaki sayıları ve onları içeren paylar ile sıralar, dışa aktarımlarda eksik olanı dışarıda bırakır; bu yüzden düşük görünür.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "tamamen kapsanmıyor",
        .driversLineNotWhole: "{0} şikâyet, {1} bu pencerede tamamen kapsanmıyor",
        .driversLineNotWholeOne: "{0} şikâyet, {1} bu pencerede tamamen kapsanmıyor",
        .driversWindowNotWhole: "{0} bu pencerede tamamen kapsanmıyor",
        .sharesLeftOut:
          "Geçmişleri temel dönem kadar uzayana dek paylardan, hem şikâyetleri hem toplamla, çıkarıldı: {0}. Bir pay yalnızca aynı ürün hatlarını içeren dönemler arasında karşılaştırılır; temel dönem içinde başlayan bir hat, karışımı tek başına kaydırırdı.",
        .sharesLeftOutItem: "{0} (geçmişi {1} döneminde başlıyor; {2} raporundan itibaren sayılır)",
      ]
    case .greek:
      [
        .vitalNotWhole:
          "Δεν καλύπτονται πλήρως από τις εξαγωγές σε αυτό το παράθυρο: {0}. Τα πλήθη τους εδώ, και τα μερίδια και οι θέσεις που τα περιέχουν, αφήνουν έξω ό,τι λείπει από τις εξαγωγές, γι' αυτό φαίνονται χαμηλότερα.",
        .vitalNotWholeItem: "{0} ({1})",
        .vitalNotWholeMark: "δεν καλύπτεται πλήρως",
        .driversLineNotWhole: "{0} παράπονα, {1} δεν καλύπτεται πλήρως σε αυτό το παράθυρο",
        .driversLineNotWholeOne: "{0} παράπονο, {1} δεν καλύπτεται πλήρως σε αυτό το παράθυρο",
        .driversWindowNotWhole: "{0} δεν καλύπτεται πλήρως σε αυτό το παράθυρο",
        .sharesLeftOut:
          "Εκτός μεριδίων, τόσο τα παράπονά τους όσο και το σύνολο, μέχρι το ιστορικό τους να φτάσει το μήκος της βάσης: {0}. Ένα μερίδιο συγκρίνεται μόνο ανάμεσα σε περιόδους με τις ίδιες γραμμές προϊόντων, και μια γραμμή που ξεκίνησε μέσα στη βάση θα μετακινούσε μόνη της τη σύνθεση.",
        .sharesLeftOutItem: "{0} (ιστορικό από {1}· μετράται από την αναφορά της {2})",
      ]
    case .chinese:
      [
        .vitalNotWhole:
          "本窗口内导出文件未完整覆盖：{0}。这里的计数以及包含它们的占比和排名都缺少导出文件遗漏的部分，因此偏低。",
        .vitalNotWholeItem: "{0}（{1}）",
        .vitalNotWholeMark: "未完整覆盖",
        .driversLineNotWhole: "{0} 条投诉，{1} 在本窗口内未完整覆盖",
        .driversLineNotWholeOne: "{0} 条投诉，{1} 在本窗口内未完整覆盖",
        .driversWindowNotWhole: "{0} 在本窗口内未完整覆盖",
        .sharesLeftOut:
          "在其历史达到基线长度之前，不计入占比（投诉和总数都不计）：{0}。占比只在包含相同产品线的期间之间比较，而在基线内开始的产品线会单独改变构成。",
        .sharesLeftOutItem: "{0}（历史始于 {1}；从 {2} 的报告起计入）",
      ]
    }
  }
}
