// The words of the run charts, share charts, drivers and every cell's chart, in every
// language; `ReportText.tables` merges them into each language's table.

extension ReportText {
  static let englishChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Short histories: run charts",
    .runChartsNote:
      "These cells have fewer whole periods than a control chart needs ({0}), so each is drawn as a run chart: its whole periods about their median, judged by Anhøj's rules. A run on one side of the median longer than chance allows, or too few crossings of it, means the level has moved. Points on the median count for neither rule; partial and uncovered periods are gaps.",
    .runChartFacts:
      "Run chart of {0} whole periods, median {1}: longest run {2} points (a signal above {3}), median crossings {4} (a signal below {5}).",
    .runChartNoSignal:
      "No signal: the points vary about their median as chance would.",
    .runChartLongRun:
      "Signal: a run of {0} points on one side of the median (more than {1}), so the level has shifted.",
    .runChartFewCrossings:
      "Signal: too few crossings of the median ({0}, fewer than {1}), so the level has shifted.",
    .chartRunLabel:
      "Run chart: {0}",
    .chartMedian:
      "median {0}",
    .ruleLongRun:
      "long_run",
    .ruleFewCrossings:
      "few_crossings",
    .headingShares:
      "Shares of all complaints",
    .sharesNote:
      "Without sales volume there is no rate to chart, but the mix can still move: each issue's share of all complaints is judged on a p chart, or on Laney p′ where the shares vary more than chance allows, with the same limits, baselines and adjustment across issues as the cells. Partial and uncovered periods are gaps; unclassified complaints count in the total but get no chart of their own.",
    .sharesNoneFlagged:
      "No issue's share of all complaints moved beyond its limits in {0}.",
    .columnAllComplaints:
      "All complaints",
    .columnExpectedShare:
      "Expected share",
    .columnUpperLimit:
      "Upper limit",
    .headingSharePercent:
      "share of all complaints (%)",
    .chartShareLabel:
      "Share chart: {0}",
    .figShareChart:
      "Share chart of {0} on a {1} chart: the issue's share of all complaints per period, with its centre line and limits.",
    .mdShareFinding:
      "{0}: {1} of {2} complaints, {3} (expected {4}, upper limit {5}; {6} chart; {7}, q {8})",
    .headingDrivers:
      "What drives each product line",
    .driversNote:
      "The vital few issues of each product line (the fewest that make up {0} of its complaints) in {1}, against {2}. A change is given only where the exports cover both windows whole.",
    .driversNoPrevious:
      "The vital few issues of each product line (the fewest that make up {0} of its complaints) in {1}; the data starts too late for a window before it.",
    .columnBefore:
      "Before",
    .columnChange:
      "Change",
    .notComparable:
      "not comparable",
    .driversLineSummary:
      "{0} complaints, {1} before",
    .driversLineSummaryOne:
      "{0} complaint, {1} before",
    .factCellDrivers:
      "Vital few in the cell",
    .driverItem:
      "{0}: {1}",
    .driverItemChange:
      "{0}: {1} ({2} against {3} before)",
    .headingAllCells:
      "Every cell's chart",
    .allCellsNote:
      "Each cell over its last {0} periods, {1}: the solid line is the cell's value, the dashed line its centre and the dotted line its upper limit; large dark points are anomalies, and shaded bands are periods the exports do not cover whole, never drawn as values. Each chart has its own scale.",
    .chartSmallLabel:
      "Small chart: {0}",
    .mdAllCells:
      "Every cell's chart, flagged or not, is drawn in index.html ({0}).",
    .sharesMovedOne:
      "The mix of complaints moved: the share of {1} is above the upper limit of its share chart.",
    .sharesMovedOther:
      "The mix of complaints moved: the shares of {1} are above the upper limits of their share charts.",
    .runChartNotJudged:
      "No verdict: over half the periods sit exactly on the median (a count mostly 0, or flat), so runs about it would say nothing.",
    .sharesNotJudged:
      "No issue's share of all complaints was judged in {0}: {1}.",
    .sharesReasonHistory:
      "fewer than {0} comparable whole periods before it (a period is comparable only when every product line whose export has begun by then is covered whole in it)",
    .sharesReasonPartial:
      "the period is not covered whole by every product line's export",
    .sharesReasonWithheld:
      "the classification shifted, so the period's verdicts are withheld",
    .sharesNew:
      "New in this period, with no baseline share, so no verdict: {0}.",
    .runChartTooFew:
      "Too few periods for a run chart: neither of Anhøj's rules can signal on fewer than {0} periods off the median, and this cell has {1}. No verdict.",
    .figCountChart:
      "{0} chart of counts (no sales: one unit per period)",
    .figLegendCounts:
      "; red points signal, grey bands are periods the exports do not cover whole",
  ]

  static let germanChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Kurze Verläufe: Verlaufsdiagramme",
    .runChartsNote:
      "Diese Zellen haben weniger vollständige Perioden, als eine Regelkarte braucht ({0}); jede wird daher als Verlaufsdiagramm gezeigt: ihre vollständigen Perioden um ihren Median, beurteilt nach den Regeln von Anhøj. Ein Lauf auf einer Seite des Medians, der länger ist, als der Zufall erlaubt, oder zu wenige Kreuzungen des Medians bedeuten, dass sich das Niveau verschoben hat. Punkte auf dem Median zählen für keine der Regeln; teilweise und nicht abgedeckte Perioden sind Lücken.",
    .runChartFacts:
      "Verlaufsdiagramm über {0} vollständige Perioden, Median {1}: längster Lauf {2} Punkte (Signal über {3}), Kreuzungen des Medians {4} (Signal unter {5}).",
    .runChartNoSignal:
      "Kein Signal: Die Punkte schwanken um ihren Median, wie der Zufall es täte.",
    .runChartLongRun:
      "Signal: ein Lauf von {0} Punkten auf einer Seite des Medians (mehr als {1}); das Niveau hat sich verschoben.",
    .runChartFewCrossings:
      "Signal: zu wenige Kreuzungen des Medians ({0}, weniger als {1}); das Niveau hat sich verschoben.",
    .chartRunLabel:
      "Verlaufsdiagramm: {0}",
    .chartMedian:
      "Median {0}",
    .ruleLongRun:
      "langer Lauf",
    .ruleFewCrossings:
      "wenige Kreuzungen",
    .headingShares:
      "Anteile an allen Beschwerden",
    .sharesNote:
      "Ohne Absatzmengen gibt es keine Rate, doch die Mischung kann sich verschieben: Der Anteil jedes Themas an allen Beschwerden wird auf einer p-Karte beurteilt, oder auf Laney p′, wo die Anteile stärker schwanken, als der Zufall erlaubt; mit denselben Grenzen, Basislinien und derselben Korrektur über die Themen wie bei den Zellen. Teilweise und nicht abgedeckte Perioden sind Lücken; nicht klassifizierte Beschwerden zählen zur Summe, bekommen aber keine eigene Karte.",
    .sharesNoneFlagged:
      "Kein Anteil eines Themas an allen Beschwerden lag {0} außerhalb seiner Grenzen.",
    .columnAllComplaints:
      "Alle Beschwerden",
    .columnExpectedShare:
      "Erwarteter Anteil",
    .columnUpperLimit:
      "Obere Grenze",
    .headingSharePercent:
      "Anteil an allen Beschwerden (%)",
    .chartShareLabel:
      "Anteilskarte: {0}",
    .figShareChart:
      "Anteilskarte von {0} als {1}-Karte: der Anteil des Themas an allen Beschwerden je Periode, mit Mittellinie und Grenzen.",
    .mdShareFinding:
      "{0}: {1} von {2} Beschwerden, {3} (erwartet {4}, obere Grenze {5}; {6}-Karte; {7}, q {8})",
    .headingDrivers:
      "Was jede Produktlinie treibt",
    .driversNote:
      "Die wenigen wesentlichen Themen jeder Produktlinie (die wenigsten, die {0} ihrer Beschwerden ausmachen) im Zeitraum {1}, verglichen mit {2}. Eine Veränderung wird nur angegeben, wo die Exporte beide Zeitfenster vollständig abdecken.",
    .driversNoPrevious:
      "Die wenigen wesentlichen Themen jeder Produktlinie (die wenigsten, die {0} ihrer Beschwerden ausmachen) im Zeitraum {1}; die Daten beginnen zu spät für ein Zeitfenster davor.",
    .columnBefore:
      "Davor",
    .columnChange:
      "Veränderung",
    .notComparable:
      "nicht vergleichbar",
    .driversLineSummary:
      "{0} Beschwerden, davor {1}",
    .driversLineSummaryOne:
      "{0} Beschwerde, davor {1}",
    .factCellDrivers:
      "Die wesentlichen Themen der Zelle",
    .driverItem:
      "{0}: {1}",
    .driverItemChange:
      "{0}: {1} ({2} gegenüber {3} davor)",
    .headingAllCells:
      "Die Karte jeder Zelle",
    .allCellsNote:
      "Jede Zelle über ihre letzten {0} Perioden, {1}: die durchgezogene Linie ist der Wert der Zelle, die gestrichelte ihre Mittellinie, die gepunktete ihre obere Grenze; große dunkle Punkte sind Anomalien, schattierte Bänder Perioden, die die Exporte nicht vollständig abdecken und die nie als Werte gezeichnet werden. Jede Karte hat ihren eigenen Maßstab.",
    .chartSmallLabel:
      "Kleine Karte: {0}",
    .mdAllCells:
      "Die Karte jeder Zelle, auffällig oder nicht, steht in index.html ({0}).",
    .sharesMovedOne:
      "Die Mischung der Beschwerden hat sich verschoben: Der Anteil von {1} liegt über der oberen Grenze seiner Anteilskarte.",
    .sharesMovedOther:
      "Die Mischung der Beschwerden hat sich verschoben: Die Anteile von {1} liegen über den oberen Grenzen ihrer Anteilskarten.",
    .runChartNotJudged:
      "Kein Urteil: Mehr als die Hälfte der Perioden liegt genau auf dem Median (eine Anzahl meist 0 oder gleichbleibend); Läufe um ihn sagten nichts aus.",
    .sharesNotJudged:
      "Kein Anteil eines Themas an allen Beschwerden wurde im Zeitraum {0} beurteilt: {1}.",
    .sharesReasonHistory:
      "weniger als {0} vergleichbare vollständige Perioden davor (eine Periode ist nur vergleichbar, wenn jede Produktlinie, deren Export bis dahin begonnen hat, in ihr vollständig abgedeckt ist)",
    .sharesReasonPartial:
      "die Periode ist nicht vom Export jeder Produktlinie vollständig abgedeckt",
    .sharesReasonWithheld:
      "die Klassifizierung hat sich verschoben, daher werden die Urteile der Periode zurückgehalten",
    .sharesNew:
      "Neu in dieser Periode, ohne Anteil in der Basislinie, daher kein Urteil: {0}.",
    .runChartTooFew:
      "Zu wenige Perioden für ein Verlaufsdiagramm: Keine der Regeln von Anhøj kann bei weniger als {0} Perioden abseits des Medians ein Signal geben, und diese Zelle hat {1}. Kein Urteil.",
    .figCountChart:
      "{0}-Karte der Anzahlen (ohne Absatz: eine Einheit je Periode)",
    .figLegendCounts:
      "; rote Punkte sind Signale, graue Bänder sind Perioden, die die Exporte nicht vollständig abdecken",
  ]

  static let frenchChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Historiques courts : graphiques de séquence",
    .runChartsNote:
      "Ces cellules ont moins de périodes complètes qu'il n'en faut pour une carte de contrôle ({0}) ; chacune est donc tracée en graphique de séquence : ses périodes complètes autour de leur médiane, jugées selon les règles d'Anhøj. Une séquence d'un côté de la médiane plus longue que le hasard ne le permet, ou trop peu de croisements de celle-ci, signifie que le niveau a changé. Les points sur la médiane ne comptent pour aucune règle ; les périodes partielles ou non couvertes sont des lacunes.",
    .runChartFacts:
      "Graphique de séquence sur {0} périodes complètes, médiane {1} : plus longue séquence {2} points (signal au-delà de {3}), croisements de la médiane {4} (signal en dessous de {5}).",
    .runChartNoSignal:
      "Aucun signal : les points varient autour de leur médiane comme le ferait le hasard.",
    .runChartLongRun:
      "Signal : une séquence de {0} points d'un côté de la médiane (plus de {1}), le niveau a donc changé.",
    .runChartFewCrossings:
      "Signal : trop peu de croisements de la médiane ({0}, moins de {1}), le niveau a donc changé.",
    .chartRunLabel:
      "Graphique de séquence : {0}",
    .chartMedian:
      "médiane {0}",
    .ruleLongRun:
      "longue séquence",
    .ruleFewCrossings:
      "peu de croisements",
    .headingShares:
      "Parts de toutes les réclamations",
    .sharesNote:
      "Sans volume de ventes, il n'y a pas de taux à tracer, mais la répartition peut bouger : la part de chaque problème dans toutes les réclamations est jugée sur une carte p, ou sur Laney p′ là où les parts varient plus que le hasard ne le permet, avec les mêmes limites, références et ajustement entre problèmes que les cellules. Les périodes partielles ou non couvertes sont des lacunes ; les réclamations non classées comptent dans le total mais n'ont pas de carte propre.",
    .sharesNoneFlagged:
      "Aucune part d'un problème dans toutes les réclamations n'a dépassé ses limites en {0}.",
    .columnAllComplaints:
      "Toutes les réclamations",
    .columnExpectedShare:
      "Part attendue",
    .columnUpperLimit:
      "Limite supérieure",
    .headingSharePercent:
      "part de toutes les réclamations (%)",
    .chartShareLabel:
      "Carte des parts : {0}",
    .figShareChart:
      "Carte des parts de {0} en carte {1} : la part du problème dans toutes les réclamations par période, avec sa ligne centrale et ses limites.",
    .mdShareFinding:
      "{0} : {1} sur {2} réclamations, {3} (attendu {4}, limite supérieure {5} ; carte {6} ; {7}, q {8})",
    .headingDrivers:
      "Ce qui pèse sur chaque ligne de produits",
    .driversNote:
      "Les quelques problèmes essentiels de chaque ligne de produits (le plus petit nombre qui fait {0} de ses réclamations) en {1}, comparés à {2}. Une variation n'est donnée que là où les exports couvrent entièrement les deux fenêtres.",
    .driversNoPrevious:
      "Les quelques problèmes essentiels de chaque ligne de produits (le plus petit nombre qui fait {0} de ses réclamations) en {1} ; les données commencent trop tard pour une fenêtre antérieure.",
    .columnBefore:
      "Avant",
    .columnChange:
      "Variation",
    .notComparable:
      "non comparable",
    .driversLineSummary:
      "{0} réclamations, {1} avant",
    .driversLineSummaryOne:
      "{0} réclamation, {1} avant",
    .factCellDrivers:
      "Problèmes essentiels de la cellule",
    .driverItem:
      "{0} : {1}",
    .driverItemChange:
      "{0} : {1} ({2} contre {3} avant)",
    .headingAllCells:
      "La carte de chaque cellule",
    .allCellsNote:
      "Chaque cellule sur ses {0} dernières périodes, {1} : la ligne pleine est la valeur de la cellule, la ligne tiretée sa ligne centrale et la ligne pointillée sa limite supérieure ; les gros points sombres sont des anomalies, les bandes grisées des périodes que les exports ne couvrent pas entièrement, jamais tracées comme valeurs. Chaque carte a sa propre échelle.",
    .chartSmallLabel:
      "Petite carte : {0}",
    .mdAllCells:
      "La carte de chaque cellule, signalée ou non, figure dans index.html ({0}).",
    .sharesMovedOne:
      "La répartition des réclamations a changé : la part de {1} dépasse la limite supérieure de sa carte des parts.",
    .sharesMovedOther:
      "La répartition des réclamations a changé : les parts de {1} dépassent les limites supérieures de leurs cartes des parts.",
    .runChartNotJudged:
      "Pas de verdict : plus de la moitié des périodes sont exactement sur la médiane (un nombre presque toujours nul, ou constant) ; des séquences autour d'elle ne diraient rien.",
    .sharesNotJudged:
      "Aucune part d'un problème dans toutes les réclamations n'a été jugée en {0} : {1}.",
    .sharesReasonHistory:
      "moins de {0} périodes complètes comparables avant elle (une période n'est comparable que si chaque ligne de produits dont l'export a commencé y est couverte en entier)",
    .sharesReasonPartial:
      "la période n'est pas couverte en entier par l'export de chaque ligne de produits",
    .sharesReasonWithheld:
      "la classification a changé, les verdicts de la période sont donc suspendus",
    .sharesNew:
      "Nouveau dans cette période, sans part de référence, donc sans verdict : {0}.",
    .runChartTooFew:
      "Trop peu de périodes pour un graphique de séquences : aucune des règles d'Anhøj ne peut signaler avec moins de {0} périodes hors de la médiane, et cette cellule en a {1}. Pas de verdict.",
    .figCountChart:
      "carte {0} des nombres (sans ventes : une unité par période)",
    .figLegendCounts:
      "; les points rouges signalent, les bandes grises sont des périodes que les exports ne couvrent pas en entier",
  ]

  static let spanishChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Historiales cortos: gráficos de rachas",
    .runChartsNote:
      "Estas celdas tienen menos periodos completos de los que necesita un gráfico de control ({0}); por eso cada una se dibuja como gráfico de rachas: sus periodos completos en torno a su mediana, juzgados con las reglas de Anhøj. Una racha a un lado de la mediana más larga de lo que permite el azar, o muy pocos cruces de ella, indica que el nivel ha cambiado. Los puntos sobre la mediana no cuentan para ninguna regla; los periodos parciales o sin cobertura son huecos.",
    .runChartFacts:
      "Gráfico de rachas de {0} periodos completos, mediana {1}: racha más larga {2} puntos (señal por encima de {3}), cruces de la mediana {4} (señal por debajo de {5}).",
    .runChartNoSignal:
      "Sin señal: los puntos varían en torno a su mediana como lo haría el azar.",
    .runChartLongRun:
      "Señal: una racha de {0} puntos a un lado de la mediana (más de {1}); el nivel ha cambiado.",
    .runChartFewCrossings:
      "Señal: demasiado pocos cruces de la mediana ({0}, menos de {1}); el nivel ha cambiado.",
    .chartRunLabel:
      "Gráfico de rachas: {0}",
    .chartMedian:
      "mediana {0}",
    .ruleLongRun:
      "racha larga",
    .ruleFewCrossings:
      "pocos cruces",
    .headingShares:
      "Cuotas del total de reclamaciones",
    .sharesNote:
      "Sin volumen de ventas no hay tasa que representar, pero la mezcla puede moverse: la cuota de cada problema en el total de reclamaciones se juzga en un gráfico p, o en Laney p′ donde las cuotas varían más de lo que permite el azar, con los mismos límites, referencias y ajuste entre problemas que las celdas. Los periodos parciales o sin cobertura son huecos; las reclamaciones sin clasificar cuentan en el total pero no tienen gráfico propio.",
    .sharesNoneFlagged:
      "Ninguna cuota de un problema en el total de reclamaciones salió de sus límites en {0}.",
    .columnAllComplaints:
      "Todas las reclamaciones",
    .columnExpectedShare:
      "Cuota esperada",
    .columnUpperLimit:
      "Límite superior",
    .headingSharePercent:
      "cuota del total de reclamaciones (%)",
    .chartShareLabel:
      "Gráfico de cuotas: {0}",
    .figShareChart:
      "Gráfico de cuotas de {0} como gráfico {1}: la cuota del problema en el total de reclamaciones por periodo, con su línea central y sus límites.",
    .mdShareFinding:
      "{0}: {1} de {2} reclamaciones, {3} (esperado {4}, límite superior {5}; gráfico {6}; {7}, q {8})",
    .headingDrivers:
      "Qué impulsa cada línea de productos",
    .driversNote:
      "Los pocos problemas vitales de cada línea de productos (los menos que suman {0} de sus reclamaciones) en {1}, frente a {2}. El cambio solo se da donde las exportaciones cubren completas ambas ventanas.",
    .driversNoPrevious:
      "Los pocos problemas vitales de cada línea de productos (los menos que suman {0} de sus reclamaciones) en {1}; los datos empiezan demasiado tarde para una ventana anterior.",
    .columnBefore:
      "Antes",
    .columnChange:
      "Cambio",
    .notComparable:
      "no comparable",
    .driversLineSummary:
      "{0} reclamaciones, {1} antes",
    .driversLineSummaryOne:
      "{0} reclamación, {1} antes",
    .factCellDrivers:
      "Pocos vitales de la celda",
    .driverItem:
      "{0}: {1}",
    .driverItemChange:
      "{0}: {1} ({2} frente a {3} antes)",
    .headingAllCells:
      "El gráfico de cada celda",
    .allCellsNote:
      "Cada celda en sus últimos {0} periodos, {1}: la línea continua es el valor de la celda, la discontinua su línea central y la punteada su límite superior; los puntos grandes y oscuros son anomalías y las bandas sombreadas periodos que las exportaciones no cubren completos, nunca dibujados como valores. Cada gráfico tiene su propia escala.",
    .chartSmallLabel:
      "Gráfico pequeño: {0}",
    .mdAllCells:
      "El gráfico de cada celda, señalada o no, está en index.html ({0}).",
    .sharesMovedOne:
      "La mezcla de reclamaciones se ha movido: la cuota de {1} supera el límite superior de su gráfico de cuotas.",
    .sharesMovedOther:
      "La mezcla de reclamaciones se ha movido: las cuotas de {1} superan los límites superiores de sus gráficos de cuotas.",
    .runChartNotJudged:
      "Sin veredicto: más de la mitad de los periodos están justo sobre la mediana (un recuento casi siempre 0, o constante); las rachas en torno a ella no dirían nada.",
    .sharesNotJudged:
      "No se juzgó la cuota de ningún problema en el total de reclamaciones en {0}: {1}.",
    .sharesReasonHistory:
      "menos de {0} periodos completos comparables antes (un periodo solo es comparable si cada línea de producto cuya exportación ya ha empezado está cubierta por completo en él)",
    .sharesReasonPartial:
      "el periodo no está cubierto por completo por la exportación de cada línea de producto",
    .sharesReasonWithheld:
      "la clasificación cambió, así que los veredictos del periodo se retienen",
    .sharesNew:
      "Nuevo en este periodo, sin cuota de referencia, así que sin veredicto: {0}.",
    .runChartTooFew:
      "Demasiado pocos periodos para un gráfico de rachas: ninguna regla de Anhøj puede señalar con menos de {0} periodos fuera de la mediana, y esta celda tiene {1}. Sin veredicto.",
    .figCountChart:
      "gráfico {0} de recuentos (sin ventas: una unidad por periodo)",
    .figLegendCounts:
      "; los puntos rojos señalan, las bandas grises son periodos que las exportaciones no cubren por completo",
  ]

  static let polishChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Krótkie historie: wykresy przebiegu",
    .runChartsNote:
      "Te komórki mają mniej pełnych okresów, niż potrzebuje karta kontrolna ({0}), więc każda jest pokazana jako wykres przebiegu: jej pełne okresy wokół mediany, oceniane regułami Anhøja. Seria po jednej stronie mediany dłuższa, niż pozwala przypadek, albo zbyt mało przecięć mediany oznacza, że poziom się przesunął. Punkty na medianie nie liczą się do żadnej reguły; okresy częściowe i niepokryte są lukami.",
    .runChartFacts:
      "Wykres przebiegu z {0} pełnych okresów, mediana {1}: najdłuższa seria, punkty: {2} (sygnał powyżej {3}), przecięcia mediany: {4} (sygnał poniżej {5}).",
    .runChartNoSignal:
      "Brak sygnału: punkty wahają się wokół mediany tak, jak zrobiłby to przypadek.",
    .runChartLongRun:
      "Sygnał: seria {0} punktów po jednej stronie mediany (więcej niż {1}), więc poziom się przesunął.",
    .runChartFewCrossings:
      "Sygnał: za mało przecięć mediany ({0}, mniej niż {1}), więc poziom się przesunął.",
    .chartRunLabel:
      "Wykres przebiegu: {0}",
    .chartMedian:
      "mediana {0}",
    .ruleLongRun:
      "długa seria",
    .ruleFewCrossings:
      "mało przecięć",
    .headingShares:
      "Udziały we wszystkich reklamacjach",
    .sharesNote:
      "Bez wolumenu sprzedaży nie ma wskaźnika do pokazania, ale struktura może się zmienić: udział każdego problemu we wszystkich reklamacjach jest oceniany na karcie p, albo na karcie Laneya p′ tam, gdzie udziały wahają się bardziej, niż pozwala przypadek, z tymi samymi granicami, bazami i korektą między problemami co komórki. Okresy częściowe i niepokryte są lukami; niesklasyfikowane reklamacje liczą się do sumy, ale nie mają własnej karty.",
    .sharesNoneFlagged:
      "Żaden udział problemu we wszystkich reklamacjach nie wyszedł poza swoje granice w okresie {0}.",
    .columnAllComplaints:
      "Wszystkie reklamacje",
    .columnExpectedShare:
      "Oczekiwany udział",
    .columnUpperLimit:
      "Górna granica",
    .headingSharePercent:
      "udział we wszystkich reklamacjach (%)",
    .chartShareLabel:
      "Karta udziałów: {0}",
    .figShareChart:
      "Karta udziałów dla {0} jako karta {1}: udział problemu we wszystkich reklamacjach w każdym okresie, z linią centralną i granicami.",
    .mdShareFinding:
      "{0}: {1} z {2} reklamacji, {3} (oczekiwano {4}, górna granica {5}; karta {6}; {7}, q {8})",
    .headingDrivers:
      "Co napędza każdą linię produktów",
    .driversNote:
      "Nieliczne istotne problemy każdej linii produktów (najmniej takich, które dają {0} jej reklamacji) w okresie {1}, wobec {2}. Zmiana jest podana tylko tam, gdzie eksporty w pełni pokrywają oba okna.",
    .driversNoPrevious:
      "Nieliczne istotne problemy każdej linii produktów (najmniej takich, które dają {0} jej reklamacji) w okresie {1}; dane zaczynają się zbyt późno na wcześniejsze okno.",
    .columnBefore:
      "Wcześniej",
    .columnChange:
      "Zmiana",
    .notComparable:
      "nieporównywalne",
    .driversLineSummary:
      "{0} reklamacji, wcześniej {1}",
    .driversLineSummaryOne:
      "{0} reklamacja, wcześniej {1}",
    .factCellDrivers:
      "Istotne problemy komórki",
    .driverItem:
      "{0}: {1}",
    .driverItemChange:
      "{0}: {1} ({2} wobec {3} wcześniej)",
    .headingAllCells:
      "Karta każdej komórki",
    .allCellsNote:
      "Każda komórka w ostatnich {0} okresach, {1}: linia ciągła to wartość komórki, przerywana jej linia centralna, kropkowana jej górna granica; duże ciemne punkty to anomalie, a zacienione pasy to okresy, których eksporty nie pokrywają w pełni, nigdy nie rysowane jako wartości. Każda karta ma własną skalę.",
    .chartSmallLabel:
      "Mała karta: {0}",
    .mdAllCells:
      "Karta każdej komórki, oznaczonej lub nie, jest w index.html ({0}).",
    .sharesMovedOne:
      "Struktura reklamacji się zmieniła: udział {1} przekracza górną granicę swojej karty udziałów.",
    .sharesMovedOther:
      "Struktura reklamacji się zmieniła: udziały {1} przekraczają górne granice swoich kart udziałów.",
    .runChartNotJudged:
      "Brak oceny: ponad połowa okresów leży dokładnie na medianie (liczba prawie zawsze 0 albo stała), więc serie wokół niej nic by nie powiedziały.",
    .sharesNotJudged:
      "Nie oceniono udziału żadnego problemu we wszystkich reklamacjach w okresie {0}: {1}.",
    .sharesReasonHistory:
      "mniej niż {0} porównywalnych pełnych okresów przed nim (okres jest porównywalny tylko wtedy, gdy każda linia produktów, której eksport już się zaczął, jest w nim pokryta w całości)",
    .sharesReasonPartial:
      "okres nie jest pokryty w całości przez eksport każdej linii produktów",
    .sharesReasonWithheld:
      "klasyfikacja się przesunęła, więc oceny okresu są wstrzymane",
    .sharesNew:
      "Nowe w tym okresie, bez udziału w bazie, więc bez oceny: {0}.",
    .runChartTooFew:
      "Za mało okresów na wykres przebiegu: żadna z reguł Anhøja nie może dać sygnału przy mniej niż {0} okresach poza medianą, a ta komórka ma {1}. Brak oceny.",
    .figCountChart:
      "karta {0} liczebności (bez sprzedaży: jedna jednostka na okres)",
    .figLegendCounts:
      "; czerwone punkty to sygnały, szare pasy to okresy, których eksporty nie pokrywają w całości",
  ]

  static let turkishChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Kısa geçmişler: seri grafikleri",
    .runChartsNote:
      "Bu hücrelerin tam dönem sayısı bir kontrol grafiğinin gerektirdiğinden azdır ({0}); bu yüzden her biri seri grafiği olarak çizilir: tam dönemleri medyanları etrafında, Anhøj kurallarıyla değerlendirilir. Medyanın bir yanında şansın izin verdiğinden uzun bir seri ya da medyanın çok az kesilmesi düzeyin kaydığını gösterir. Medyan üzerindeki noktalar hiçbir kurala sayılmaz; kısmi ve kapsanmayan dönemler boşluktur.",
    .runChartFacts:
      "{0} tam dönemlik seri grafiği, medyan {1}: en uzun seri {2} nokta ({3} üzeri sinyaldir), medyan kesişmesi {4} ({5} altı sinyaldir).",
    .runChartNoSignal:
      "Sinyal yok: noktalar medyan etrafında şansın yapacağı gibi değişiyor.",
    .runChartLongRun:
      "Sinyal: medyanın bir yanında {0} noktalık seri ({1} üzerinde), yani düzey kaydı.",
    .runChartFewCrossings:
      "Sinyal: medyan çok az kesildi ({0}, {1} altında), yani düzey kaydı.",
    .chartRunLabel:
      "Seri grafiği: {0}",
    .chartMedian:
      "medyan {0}",
    .ruleLongRun:
      "uzun seri",
    .ruleFewCrossings:
      "az kesişme",
    .headingShares:
      "Tüm şikâyetler içindeki paylar",
    .sharesNote:
      "Satış hacmi olmadan çizilecek bir oran yoktur, ama dağılım yine de değişebilir: her konunun tüm şikâyetler içindeki payı bir p grafiğinde, paylar şansın izin verdiğinden fazla değişiyorsa Laney p′ grafiğinde, hücrelerle aynı sınırlar, taban çizgileri ve konular arası düzeltmeyle değerlendirilir. Kısmi ve kapsanmayan dönemler boşluktur; sınıflandırılmamış şikâyetler toplama girer ama kendi grafikleri olmaz.",
    .sharesNoneFlagged:
      "{0} döneminde hiçbir konunun tüm şikâyetler içindeki payı sınırlarının dışına çıkmadı.",
    .columnAllComplaints:
      "Tüm şikâyetler",
    .columnExpectedShare:
      "Beklenen pay",
    .columnUpperLimit:
      "Üst sınır",
    .headingSharePercent:
      "tüm şikâyetler içindeki pay (%)",
    .chartShareLabel:
      "Pay grafiği: {0}",
    .figShareChart:
      "{0} için {1} grafiği olarak pay grafiği: konunun her dönem tüm şikâyetler içindeki payı, merkez çizgisi ve sınırlarıyla.",
    .mdShareFinding:
      "{0}: {2} şikâyetin {1} tanesi, {3} (beklenen {4}, üst sınır {5}; {6} grafiği; {7}, q {8})",
    .headingDrivers:
      "Her ürün hattını ne sürüklüyor",
    .driversNote:
      "Her ürün hattının belirleyici az sayıdaki konusu (şikâyetlerinin {0} kadarını oluşturan en az konu), {1} döneminde, {2} ile karşılaştırmalı. Değişim yalnızca dışa aktarımlar iki pencereyi de tam kapsıyorsa verilir.",
    .driversNoPrevious:
      "Her ürün hattının belirleyici az sayıdaki konusu (şikâyetlerinin {0} kadarını oluşturan en az konu), {1} döneminde; veriler önceki bir pencere için çok geç başlıyor.",
    .columnBefore:
      "Önce",
    .columnChange:
      "Değişim",
    .notComparable:
      "karşılaştırılamaz",
    .driversLineSummary:
      "{0} şikâyet, önce {1}",
    .driversLineSummaryOne:
      "{0} şikâyet, önce {1}",
    .factCellDrivers:
      "Hücrenin belirleyici konuları",
    .driverItem:
      "{0}: {1}",
    .driverItemChange:
      "{0}: {1} (önce {3}, şimdi {2})",
    .headingAllCells:
      "Her hücrenin grafiği",
    .allCellsNote:
      "Her hücre son {0} döneminde, {1}: düz çizgi hücrenin değeri, kesikli çizgi merkezi, noktalı çizgi üst sınırıdır; büyük koyu noktalar anomalilerdir, gölgeli bantlar dışa aktarımların tam kapsamadığı ve asla değer olarak çizilmeyen dönemlerdir. Her grafiğin kendi ölçeği vardır.",
    .chartSmallLabel:
      "Küçük grafik: {0}",
    .mdAllCells:
      "İşaretli olsun olmasın her hücrenin grafiği index.html içindedir ({0}).",
    .sharesMovedOne:
      "Şikâyetlerin dağılımı değişti: {1} payı, pay grafiğinin üst sınırının üzerinde.",
    .sharesMovedOther:
      "Şikâyetlerin dağılımı değişti: {1} payları, pay grafiklerinin üst sınırlarının üzerinde.",
    .runChartNotJudged:
      "Karar yok: dönemlerin yarısından fazlası tam medyan üzerinde (çoğunlukla 0 ya da sabit bir sayı); etrafındaki seriler hiçbir şey söylemezdi.",
    .sharesNotJudged:
      "{0} döneminde hiçbir konunun tüm şikâyetler içindeki payı değerlendirilmedi: {1}.",
    .sharesReasonHistory:
      "öncesinde {0} karşılaştırılabilir tam dönemden az var (bir dönem, dışa aktarımı o zamana kadar başlamış her ürün grubunu tam kapsıyorsa karşılaştırılabilir)",
    .sharesReasonPartial:
      "dönem her ürün grubunun dışa aktarımıyla tam kapsanmıyor",
    .sharesReasonWithheld:
      "sınıflandırma kaydı, bu yüzden dönemin kararları bekletiliyor",
    .sharesNew:
      "Bu dönemde yeni, taban çizgisinde payı yok, bu yüzden karar yok: {0}.",
    .runChartTooFew:
      "Seri grafiği için dönem çok az: Anhøj kurallarının hiçbiri medyan dışında {0} dönemden azıyla sinyal veremez ve bu hücrede {1} var. Karar yok.",
    .figCountChart:
      "sayıların {0} grafiği (satış yok: dönem başına bir birim)",
    .figLegendCounts:
      "; kırmızı noktalar sinyaldir, gri bantlar dışa aktarımların tam kapsamadığı dönemlerdir",
  ]

  static let greekChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "Σύντομα ιστορικά: διαγράμματα ροής",
    .runChartsNote:
      "Αυτά τα κελιά έχουν λιγότερες πλήρεις περιόδους από όσες χρειάζεται ένα διάγραμμα ελέγχου ({0}), γι' αυτό το καθένα σχεδιάζεται ως διάγραμμα ροής: οι πλήρεις περίοδοί του γύρω από τη διάμεσό τους, με τους κανόνες του Anhøj. Μια σειρά στη μία πλευρά της διαμέσου μεγαλύτερη από όσο επιτρέπει η τύχη, ή πολύ λίγες διασταυρώσεις της, σημαίνει ότι το επίπεδο μετακινήθηκε. Τα σημεία πάνω στη διάμεσο δεν μετρούν για κανέναν κανόνα· οι μερικές και οι μη καλυμμένες περίοδοι είναι κενά.",
    .runChartFacts:
      "Διάγραμμα ροής {0} πλήρων περιόδων, διάμεσος {1}: μεγαλύτερη σειρά {2} σημεία (σήμα πάνω από {3}), διασταυρώσεις της διαμέσου {4} (σήμα κάτω από {5}).",
    .runChartNoSignal:
      "Κανένα σήμα: τα σημεία κυμαίνονται γύρω από τη διάμεσο όπως θα έκανε η τύχη.",
    .runChartLongRun:
      "Σήμα: σειρά {0} σημείων στη μία πλευρά της διαμέσου (πάνω από {1}), άρα το επίπεδο μετακινήθηκε.",
    .runChartFewCrossings:
      "Σήμα: πολύ λίγες διασταυρώσεις της διαμέσου ({0}, λιγότερες από {1}), άρα το επίπεδο μετακινήθηκε.",
    .chartRunLabel:
      "Διάγραμμα ροής: {0}",
    .chartMedian:
      "διάμεσος {0}",
    .ruleLongRun:
      "μακριά σειρά",
    .ruleFewCrossings:
      "λίγες διασταυρώσεις",
    .headingShares:
      "Μερίδια επί όλων των παραπόνων",
    .sharesNote:
      "Χωρίς όγκο πωλήσεων δεν υπάρχει ρυθμός να σχεδιαστεί, όμως η σύνθεση μπορεί να αλλάξει: το μερίδιο κάθε θέματος επί όλων των παραπόνων κρίνεται σε διάγραμμα p, ή σε Laney p′ όπου τα μερίδια κυμαίνονται περισσότερο από όσο επιτρέπει η τύχη, με τα ίδια όρια, τις ίδιες βάσεις αναφοράς και την ίδια διόρθωση μεταξύ θεμάτων όπως τα κελιά. Οι μερικές και οι μη καλυμμένες περίοδοι είναι κενά· τα αταξινόμητα παράπονα μετρούν στο σύνολο αλλά δεν έχουν δικό τους διάγραμμα.",
    .sharesNoneFlagged:
      "Κανένα μερίδιο θέματος επί όλων των παραπόνων δεν βγήκε από τα όριά του την περίοδο {0}.",
    .columnAllComplaints:
      "Όλα τα παράπονα",
    .columnExpectedShare:
      "Αναμενόμενο μερίδιο",
    .columnUpperLimit:
      "Άνω όριο",
    .headingSharePercent:
      "μερίδιο επί όλων των παραπόνων (%)",
    .chartShareLabel:
      "Διάγραμμα μεριδίων: {0}",
    .figShareChart:
      "Διάγραμμα μεριδίων για {0} ως διάγραμμα {1}: το μερίδιο του θέματος επί όλων των παραπόνων ανά περίοδο, με την κεντρική γραμμή και τα όριά του.",
    .mdShareFinding:
      "{0}: {1} από {2} παράπονα, {3} (αναμενόμενο {4}, άνω όριο {5}· διάγραμμα {6}· {7}, q {8})",
    .headingDrivers:
      "Τι κινεί κάθε γραμμή προϊόντων",
    .driversNote:
      "Τα λίγα ζωτικά θέματα κάθε γραμμής προϊόντων (τα λιγότερα που φτάνουν το {0} των παραπόνων της) την περίοδο {1}, σε σύγκριση με {2}. Η μεταβολή δίνεται μόνο όπου οι εξαγωγές καλύπτουν πλήρως και τα δύο παράθυρα.",
    .driversNoPrevious:
      "Τα λίγα ζωτικά θέματα κάθε γραμμής προϊόντων (τα λιγότερα που φτάνουν το {0} των παραπόνων της) την περίοδο {1}· τα δεδομένα αρχίζουν πολύ αργά για προηγούμενο παράθυρο.",
    .columnBefore:
      "Πριν",
    .columnChange:
      "Μεταβολή",
    .notComparable:
      "μη συγκρίσιμο",
    .driversLineSummary:
      "{0} παράπονα, {1} πριν",
    .driversLineSummaryOne:
      "{0} παράπονο, {1} πριν",
    .factCellDrivers:
      "Τα λίγα ζωτικά του κελιού",
    .driverItem:
      "{0}: {1}",
    .driverItemChange:
      "{0}: {1} ({2} έναντι {3} πριν)",
    .headingAllCells:
      "Το διάγραμμα κάθε κελιού",
    .allCellsNote:
      "Κάθε κελί στις τελευταίες {0} περιόδους του, {1}: η συνεχής γραμμή είναι η τιμή του κελιού, η διακεκομμένη η κεντρική του γραμμή και η στικτή το άνω όριό του· οι μεγάλες σκούρες κουκκίδες είναι ανωμαλίες και οι σκιασμένες ζώνες περίοδοι που οι εξαγωγές δεν καλύπτουν πλήρως, που ποτέ δεν σχεδιάζονται ως τιμές. Κάθε διάγραμμα έχει τη δική του κλίμακα.",
    .chartSmallLabel:
      "Μικρό διάγραμμα: {0}",
    .mdAllCells:
      "Το διάγραμμα κάθε κελιού, επισημασμένου ή όχι, βρίσκεται στο index.html ({0}).",
    .sharesMovedOne:
      "Η σύνθεση των παραπόνων άλλαξε: το μερίδιο του {1} είναι πάνω από το άνω όριο του διαγράμματος μεριδίων του.",
    .sharesMovedOther:
      "Η σύνθεση των παραπόνων άλλαξε: τα μερίδια των {1} είναι πάνω από τα άνω όρια των διαγραμμάτων μεριδίων τους.",
    .runChartNotJudged:
      "Καμία ετυμηγορία: πάνω από τις μισές περιόδους βρίσκονται ακριβώς πάνω στη διάμεσο (ένας αριθμός σχεδόν πάντα 0 ή σταθερός), οπότε οι σειρές γύρω της δεν θα έλεγαν τίποτα.",
    .sharesNotJudged:
      "Κανένα μερίδιο θέματος επί όλων των παραπόνων δεν κρίθηκε την περίοδο {0}: {1}.",
    .sharesReasonHistory:
      "λιγότερες από {0} συγκρίσιμες πλήρεις περιόδους πριν από αυτήν (μια περίοδος είναι συγκρίσιμη μόνο όταν κάθε γραμμή προϊόντων της οποίας η εξαγωγή έχει αρχίσει καλύπτεται πλήρως σε αυτήν)",
    .sharesReasonPartial:
      "η περίοδος δεν καλύπτεται πλήρως από την εξαγωγή κάθε γραμμής προϊόντων",
    .sharesReasonWithheld:
      "η ταξινόμηση μετατοπίστηκε, οπότε οι ετυμηγορίες της περιόδου αναστέλλονται",
    .sharesNew:
      "Νέο σε αυτή την περίοδο, χωρίς μερίδιο στη βάση αναφοράς, άρα χωρίς ετυμηγορία: {0}.",
    .runChartTooFew:
      "Πολύ λίγες περίοδοι για διάγραμμα ροής: κανένας από τους κανόνες του Anhøj δεν μπορεί να δώσει σήμα με λιγότερες από {0} περιόδους εκτός διαμέσου, και αυτό το κελί έχει {1}. Καμία ετυμηγορία.",
    .figCountChart:
      "διάγραμμα {0} πλήθους (χωρίς πωλήσεις: μία μονάδα ανά περίοδο)",
    .figLegendCounts:
      "; τα κόκκινα σημεία είναι σήματα, οι γκρι ζώνες είναι περίοδοι που οι εξαγωγές δεν καλύπτουν πλήρως",
  ]

  static let chineseChartPhrases: [ReportPhrase: String] = [
    .headingRunCharts:
      "短历史：游程图",
    .runChartsNote:
      "这些单元的完整周期少于控制图所需（{0}），因此各以游程图呈现：其完整周期围绕中位数分布，按 Anhøj 规则判断。中位数一侧的游程长于偶然所允许的长度，或穿越中位数的次数过少，都表示水平已经移动。落在中位数上的点不计入任何规则；部分覆盖和未覆盖的周期为空缺。",
    .runChartFacts:
      "{0} 个完整周期的游程图，中位数 {1}：最长游程 {2} 个点（超过 {3} 即为信号），穿越中位数 {4} 次（少于 {5} 即为信号）。",
    .runChartNoSignal:
      "无信号：各点围绕中位数的波动与偶然一致。",
    .runChartLongRun:
      "信号：中位数一侧连续 {0} 个点（超过 {1}），水平已经移动。",
    .runChartFewCrossings:
      "信号：穿越中位数的次数过少（{0}，少于 {1}），水平已经移动。",
    .chartRunLabel:
      "游程图：{0}",
    .chartMedian:
      "中位数 {0}",
    .ruleLongRun:
      "长游程",
    .ruleFewCrossings:
      "穿越过少",
    .headingShares:
      "占全部投诉的比例",
    .sharesNote:
      "没有销量就没有可绘制的比率，但构成仍可能变化：每个问题占全部投诉的比例在 p 图上判断；若比例的波动超出偶然所允许，则用 Laney p′ 图；界限、基线和跨问题的校正与各单元相同。部分覆盖和未覆盖的周期为空缺；未分类的投诉计入总数，但没有自己的图。",
    .sharesNoneFlagged:
      "{0} 没有任何问题占全部投诉的比例超出其界限。",
    .columnAllComplaints:
      "全部投诉",
    .columnExpectedShare:
      "预期比例",
    .columnUpperLimit:
      "上限",
    .headingSharePercent:
      "占全部投诉的比例（%）",
    .chartShareLabel:
      "比例图：{0}",
    .figShareChart:
      "{0} 的比例图（{1} 图）：该问题每个周期占全部投诉的比例，含中心线和界限。",
    .mdShareFinding:
      "{0}：{2} 件投诉中的 {1} 件，{3}（预期 {4}，上限 {5}；{6} 图；{7}，q {8}）",
    .headingDrivers:
      "每条产品线的驱动因素",
    .driversNote:
      "每条产品线在 {1} 的关键少数问题（合计达到其投诉 {0} 的最少问题），与 {2} 对比。只有在导出完整覆盖两个窗口时才给出变化。",
    .driversNoPrevious:
      "每条产品线在 {1} 的关键少数问题（合计达到其投诉 {0} 的最少问题）；数据开始得太晚，没有之前的窗口。",
    .columnBefore:
      "之前",
    .columnChange:
      "变化",
    .notComparable:
      "不可比",
    .driversLineSummary:
      "{0} 件投诉，之前：{1}",
    .driversLineSummaryOne:
      "{0} 件投诉，之前：{1}",
    .factCellDrivers:
      "该单元的关键少数",
    .driverItem:
      "{0}：{1}",
    .driverItemChange:
      "{0}：{1}（之前 {3}，现在 {2}）",
    .headingAllCells:
      "每个单元的图",
    .allCellsNote:
      "每个单元最近 {0} 个周期，{1}：实线为单元的数值，虚线为中心线，点线为上限；大的深色点为异常，阴影带为导出未完整覆盖的周期，绝不作为数值绘出。每张图有自己的刻度。",
    .chartSmallLabel:
      "小图：{0}",
    .mdAllCells:
      "每个单元的图（无论是否被标记）都在 index.html 中（{0}）。",
    .sharesMovedOne:
      "投诉构成发生了变化：{1} 的比例高于其比例图的上限。",
    .sharesMovedOther:
      "投诉构成发生了变化：{1} 的比例高于各自比例图的上限。",
    .runChartNotJudged:
      "不作判断：超过一半的周期正好落在中位数上（计数多为 0 或保持不变），围绕它的游程说明不了什么。",
    .sharesNotJudged:
      "{0} 没有判断任何问题占全部投诉的比例：{1}。",
    .sharesReasonHistory:
      "此前可比的完整周期少于 {0} 个（只有当导出已开始的每条产品线在该周期内都被完整覆盖时，该周期才可比）",
    .sharesReasonPartial:
      "该周期没有被每条产品线的导出完整覆盖",
    .sharesReasonWithheld:
      "分类发生了偏移，因此该周期的判断被暂缓",
    .sharesNew:
      "本周期新出现，基线中没有比例，因此不作判断：{0}。",
    .runChartTooFew:
      "周期太少，无法作游程图：不在中位数上的周期少于 {0} 个时，Anhøj 的两条规则都不可能发出信号，而此单元只有 {1} 个。不作判断。",
    .figCountChart:
      "计数的 {0} 控制图（无销量：每期一个单位）",
    .figLegendCounts:
      "；红点为信号，灰色带是导出未完整覆盖的周期",
  ]
}
