/// The words for a long thinning tail still filling in, tested in blocks of about a month (a
/// weekly export), and for newer periods a report passed over because they are still filling
/// in, in every language.
extension ReportText {
  /// "2026-W21 is still filling in: the 12 periods from 2026-W10 hold 143 complaints against
  /// about 2,006 …"; nil unless the reported period's run is tested in blocks of several periods.
  func fillingInRunNotice(_ report: ReportModel) -> String? {
    guard let found = report.coverage.fillingIn, found.blockPeriods > 1,
      let from = found.runFrom, let periods = found.runPeriods,
      let complaints = found.runComplaints, let expected = found.expected
    else { return nil }
    return self(
      .noticeFillingInRun, period(report.period), count(periods), period(from), count(complaints),
      short((expected * Double(periods)).rounded(), decimals: 0), count(found.baselinePeriods ?? 0),
      short(expected.rounded(), decimals: 0), count(found.blockPeriods))
  }

  /// The language's table of these words.
  static func tailPhrases(_ language: ReportLanguage) -> [ReportPhrase: String] {
    switch language {
    case .english:
      [
        .noticeFillingInRun:
          "{0} is still filling in: the {1} periods from {2} hold {3} complaints against about {4} at the level of the {5} whole periods before them (about {6} a period); each stretch of {7} periods of them is far below that level, their later half is thinner than their earlier half, and the export's last days are far below that level too. Rows published late look like this; so does a drop at the very end of the data, and the two cannot be told apart until more rows arrive. Its counts are shown; nothing is judged until the data fills in.",
        .noticeLaterFillingIn:
          "Newer periods are in the data but still filling in, and are not judged in this report: {0}. Their counts fall far below the level before them, at the end of the export; {1} is the newest period the exports cover whole and settled. Each will be judged once later exports fill it in; a report of it names its counts, unjudged.",
        .noticeLaterFillingInLines:
          "Newer periods are in the data but still filling in, and are not judged in this report: {0}. Their counts fall far below the level before them, at the end of the export; {1} is the newest period the exports cover whole that can be judged, though the lines named above are still filling in in it. Each will be judged once later exports fill it in; a report of it names its counts, unjudged.",
      ]
    case .german:
      [
        .noticeFillingInRun:
          "{0} füllt sich noch: die {1} Perioden ab {2} enthalten {3} Beschwerden gegenüber etwa {4} auf dem Niveau der {5} vollständigen Perioden davor (etwa {6} je Periode); jeder Abschnitt von {7} Perioden davon liegt weit unter diesem Niveau, ihre spätere Hälfte ist dünner als die frühere, und auch die letzten Tage des Exports liegen weit darunter. So sehen spät veröffentlichte Zeilen aus; ebenso ein Rückgang ganz am Ende der Daten, und beides ist erst zu unterscheiden, wenn weitere Zeilen eintreffen. Die Zahlen werden gezeigt; beurteilt wird nichts, bis die Daten nachgeliefert sind.",
        .noticeLaterFillingIn:
          "Neuere Perioden sind in den Daten, füllen sich aber noch und werden in diesem Bericht nicht beurteilt: {0}. Ihre Zahlen liegen weit unter dem Niveau davor, am Ende des Exports; {1} ist die neueste Periode, die die Exporte vollständig und abgeschlossen abdecken. Jede wird beurteilt, sobald spätere Exporte sie auffüllen; ein Bericht über sie zeigt ihre Zahlen, unbeurteilt.",
        .noticeLaterFillingInLines:
          "Neuere Perioden sind in den Daten, füllen sich aber noch und werden in diesem Bericht nicht beurteilt: {0}. Ihre Zahlen liegen weit unter dem Niveau davor, am Ende des Exports; {1} ist die neueste Periode, die die Exporte vollständig abdecken und die sich beurteilen lässt, doch die oben genannten Linien füllen sich darin noch. Jede wird beurteilt, sobald spätere Exporte sie auffüllen; ein Bericht über sie zeigt ihre Zahlen, unbeurteilt.",
      ]
    case .french:
      [
        .noticeFillingInRun:
          "{0} se remplit encore : les {1} périodes depuis {2} comptent {3} plaintes contre environ {4} au niveau des {5} périodes complètes qui les précèdent (environ {6} par période) ; chaque tranche de {7} périodes est très en dessous de ce niveau, leur seconde moitié est plus maigre que la première, et les derniers jours de l'export sont eux aussi très en dessous. C'est l'allure de lignes publiées tard ; c'est aussi celle d'une baisse à la toute fin des données, et les deux ne se distinguent qu'à l'arrivée de nouvelles lignes. Ses comptes sont affichés ; rien n'est jugé tant que les données ne sont pas complètes.",
        .noticeLaterFillingIn:
          "Des périodes plus récentes figurent dans les données mais se remplissent encore, et ne sont pas jugées dans ce rapport : {0}. Leurs comptes sont très en dessous du niveau qui les précède, à la fin de l'export ; {1} est la période la plus récente que les exports couvrent en entier et de façon stable. Chacune sera jugée quand des exports ultérieurs l'auront complétée ; un rapport sur elle affiche ses comptes, non jugés.",
        .noticeLaterFillingInLines:
          "Des périodes plus récentes figurent dans les données mais se remplissent encore, et ne sont pas jugées dans ce rapport : {0}. Leurs comptes sont très en dessous du niveau qui les précède, à la fin de l'export ; {1} est la période la plus récente que les exports couvrent en entier et qui peut être jugée, mais les lignes nommées plus haut s'y remplissent encore. Chacune sera jugée quand des exports ultérieurs l'auront complétée ; un rapport sur elle affiche ses comptes, non jugés.",
      ]
    case .spanish:
      [
        .noticeFillingInRun:
          "{0} aún se está completando: los {1} periodos desde {2} suman {3} quejas frente a unas {4} al nivel de los {5} periodos completos anteriores (unas {6} por periodo); cada tramo de {7} periodos queda muy por debajo de ese nivel, su segunda mitad es más escasa que la primera, y los últimos días de la exportación también quedan muy por debajo. Así se ven las filas publicadas con retraso; también una caída al final mismo de los datos, y no se distinguen hasta que lleguen más filas. Se muestran sus recuentos; no se juzga nada hasta que lleguen los datos.",
        .noticeLaterFillingIn:
          "Hay periodos más recientes en los datos que aún se están completando y no se juzgan en este informe: {0}. Sus recuentos quedan muy por debajo del nivel anterior, al final de la exportación; {1} es el periodo más reciente que las exportaciones cubren completo y asentado. Cada uno se juzgará cuando exportaciones posteriores lo completen; un informe sobre él muestra sus recuentos, sin juzgar.",
        .noticeLaterFillingInLines:
          "Hay periodos más recientes en los datos que aún se están completando y no se juzgan en este informe: {0}. Sus recuentos quedan muy por debajo del nivel anterior, al final de la exportación; {1} es el periodo más reciente que las exportaciones cubren completo y que puede juzgarse, aunque las líneas nombradas arriba aún se completan en él. Cada uno se juzgará cuando exportaciones posteriores lo completen; un informe sobre él muestra sus recuentos, sin juzgar.",
      ]
    case .polish:
      [
        .noticeFillingInRun:
          "{0} wciąż się uzupełnia: {1} okresów od {2} zawiera {3} skarg wobec około {4} na poziomie {5} pełnych okresów przed nimi (około {6} na okres); każdy odcinek {7} okresów jest znacznie poniżej tego poziomu, ich późniejsza połowa jest rzadsza niż wcześniejsza, a ostatnie dni eksportu także są znacznie poniżej. Tak wyglądają wiersze publikowane z opóźnieniem; tak samo spadek na samym końcu danych, i nie da się ich odróżnić, dopóki nie napłyną kolejne wiersze. Liczby są pokazane; nic nie jest oceniane, dopóki dane nie napłyną.",
        .noticeLaterFillingIn:
          "Nowsze okresy są w danych, ale wciąż się uzupełniają i nie są oceniane w tym raporcie: {0}. Ich liczby są znacznie poniżej wcześniejszego poziomu, na końcu eksportu; {1} to najnowszy okres, który eksporty obejmują w całości i w ustalonej postaci. Każdy zostanie oceniony, gdy późniejsze eksporty go uzupełnią; raport o nim pokazuje jego liczby, bez oceny.",
        .noticeLaterFillingInLines:
          "Nowsze okresy są w danych, ale wciąż się uzupełniają i nie są oceniane w tym raporcie: {0}. Ich liczby są znacznie poniżej wcześniejszego poziomu, na końcu eksportu; {1} to najnowszy okres, który eksporty obejmują w całości i który można ocenić, choć wymienione wyżej linie wciąż się w nim uzupełniają. Każdy zostanie oceniony, gdy późniejsze eksporty go uzupełnią; raport o nim pokazuje jego liczby, bez oceny.",
      ]
    case .turkish:
      [
        .noticeFillingInRun:
          "{0} hâlâ doluyor: {2} döneminden itibaren {1} dönem {3} şikâyet içeriyor; önceki {5} tam dönemin düzeyinde yaklaşık {4} beklenirdi (dönem başına yaklaşık {6}); bunların her {7} dönemlik kesiti bu düzeyin çok altında, sonraki yarısı öncekinden daha seyrek ve dışa aktarımın son günleri de çok altında. Geç yayımlanan satırlar böyle görünür; verinin en sonundaki bir düşüş de öyle, ve yeni satırlar gelene kadar ikisi ayırt edilemez. Sayılar gösterilir; veriler tamamlanana kadar hiçbir şey değerlendirilmez.",
        .noticeLaterFillingIn:
          "Verilerde daha yeni dönemler var, ancak hâlâ doluyorlar ve bu raporda değerlendirilmiyorlar: {0}. Sayıları, dışa aktarımın sonunda, önceki düzeyin çok altında; {1}, dışa aktarımların tamamen ve kesinleşmiş olarak kapsadığı en yeni dönem. Her biri, sonraki dışa aktarımlar onu doldurduğunda değerlendirilecek; onun raporu sayılarını değerlendirmeden gösterir.",
        .noticeLaterFillingInLines:
          "Verilerde daha yeni dönemler var, ancak hâlâ doluyorlar ve bu raporda değerlendirilmiyorlar: {0}. Sayıları, dışa aktarımın sonunda, önceki düzeyin çok altında; {1}, dışa aktarımların tamamen kapsadığı ve değerlendirilebilen en yeni dönem, ancak yukarıda adı geçen hatlar bu dönemde hâlâ doluyor. Her biri, sonraki dışa aktarımlar onu doldurduğunda değerlendirilecek; onun raporu sayılarını değerlendirmeden gösterir.",
      ]
    case .greek:
      [
        .noticeFillingInRun:
          "Η περίοδος {0} ακόμη συμπληρώνεται: οι {1} περίοδοι από την {2} έχουν {3} παράπονα έναντι περίπου {4} στο επίπεδο των {5} πλήρων περιόδων πριν από αυτές (περίπου {6} ανά περίοδο)· κάθε τμήμα {7} περιόδων τους είναι πολύ κάτω από αυτό το επίπεδο, το δεύτερο μισό τους είναι αραιότερο από το πρώτο, και οι τελευταίες ημέρες της εξαγωγής είναι επίσης πολύ κάτω. Έτσι φαίνονται οι γραμμές που δημοσιεύονται με καθυστέρηση· έτσι και μια πτώση στο τέλος των δεδομένων, και τα δύο δεν ξεχωρίζουν μέχρι να φτάσουν περισσότερες γραμμές. Τα πλήθη εμφανίζονται· τίποτα δεν κρίνεται μέχρι να συμπληρωθούν τα δεδομένα.",
        .noticeLaterFillingIn:
          "Νεότερες περίοδοι υπάρχουν στα δεδομένα αλλά ακόμη συμπληρώνονται και δεν κρίνονται σε αυτή την αναφορά: {0}. Τα πλήθη τους είναι πολύ κάτω από το επίπεδο πριν από αυτές, στο τέλος της εξαγωγής. Νεότερη περίοδος που καλύπτουν οι εξαγωγές πλήρως και οριστικά: {1}. Καθεμία θα κριθεί όταν μεταγενέστερες εξαγωγές τη συμπληρώσουν· μια αναφορά γι' αυτήν δείχνει τα πλήθη της, χωρίς κρίση.",
        .noticeLaterFillingInLines:
          "Νεότερες περίοδοι υπάρχουν στα δεδομένα αλλά ακόμη συμπληρώνονται και δεν κρίνονται σε αυτή την αναφορά: {0}. Τα πλήθη τους είναι πολύ κάτω από το επίπεδο πριν από αυτές, στο τέλος της εξαγωγής. Νεότερη περίοδος που καλύπτουν οι εξαγωγές πλήρως και που μπορεί να κριθεί: {1}, αν και οι σειρές που αναφέρονται παραπάνω ακόμη συμπληρώνονται σε αυτήν. Καθεμία θα κριθεί όταν μεταγενέστερες εξαγωγές τη συμπληρώσουν· μια αναφορά γι' αυτήν δείχνει τα πλήθη της, χωρίς κρίση.",
      ]
    case .chinese:
      [
        .noticeFillingInRun:
          "{0} 仍在补录中：自 {2} 起的 {1} 个期间共有 {3} 条投诉，而按此前 {5} 个完整期间的水平（每期约 {6} 条）应约为 {4} 条；其中每 {7} 个期间一段均远低于该水平，后一半少于前一半，导出的最后几天也远低于该水平。行数据延迟发布会是这样；数据末尾的真实下降也是这样，在更多行数据到来之前两者无法区分。显示其计数；在数据补齐之前不作任何判定。",
        .noticeLaterFillingIn:
          "数据中有更新的期间，但仍在补录中，本报告不作判定：{0}。它们的计数位于导出末尾，远低于此前的水平；导出文件完整且已稳定覆盖的最新期间是{1}。待后续导出补齐后再逐一判定；针对它们的报告会显示计数，但不作判定。",
        .noticeLaterFillingInLines:
          "数据中有更新的期间，但仍在补录中，本报告不作判定：{0}。它们的计数位于导出末尾，远低于此前的水平；导出文件完整覆盖且可以判定的最新期间是{1}，但上文列出的产品线在该期间仍在补录中。待后续导出补齐后再逐一判定；针对它们的报告会显示计数，但不作判定。",
      ]
    }
  }
}
