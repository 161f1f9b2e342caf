/// The key of every fixed text in `index.html` and `summary.md`; each language has a table
/// (`ReportText+English.swift`, `ReportText+German.swift`, …) with one entry per key.
///
/// To add a text: add a case here, then an entry to every table (a test fails on a table that
/// misses one, or whose `{0}`, `{1}` blanks differ from the English entry's).
public enum ReportPhrase: String, CaseIterable, Sendable {
  // MARK: Page

  case pageTitle
  case pageHeading
  case footer
  case granularityMonth
  case granularityWeek
  case howJudged
  case headerMethodLine
  case headerFDR
  case headerNoFDR
  case exposureSales
  case exposureCount
  case unitPerThousandUnits
  case unitPerThousandShort
  case unitPerPeriod
  case headingRatePerThousand
  case headingComplaintsPerPeriod
  case sentenceEnd
  case yes
  case noneFound
  case customersNotNamed
  case andMore
  case andMoreNote
  case moreInFile

  // MARK: Headline and cards

  case cardComplaints
  case cardRate
  case cardBaselineCentre
  case cardNoRate
  case cardAnomalyOne
  case cardAnomalyOther
  case cardShareAnomalyOne
  case cardShareAnomalyOther
  case cardEmptyDays
  case cardClassified
  case headlineComplaints
  case headlineBaseline
  case headlineBaselineChange
  case headlineNoExposure
  case headlineClassified
  case headlineAnomalyOne
  case headlineAnomalyOther
  case headlineShareAnomalyOne
  case headlineShareAnomalyOther
  case headlineEmptyDays

  // MARK: Grid names

  case categoryProduct
  case categoryPolicy
  case categoryService
  case categoryOther
  case allCategories
  case tierKeyAccount
  case tierConsumer
  case allTiers
  case allProductLines
  case unassignedLine
  case unclassifiedIssue

  // MARK: Statuses, rules, canary matches

  case statusNew = "status.new"
  case statusContinuing = "status.continuing"
  case statusResolved = "status.resolved"
  case statusAnomaly = "status.anomaly"
  case statusImprovement = "status.improvement"
  case statusInControl = "status.in_control"
  case statusNoExposure = "status.no_exposure"
  case statusMissing = "status.missing"
  case statusInsufficientHistory = "status.insufficient_history"
  case statusNotCovered = "status.not_covered"
  case statusPartial = "status.partial"
  case statusWithheld = "status.withheld"
  case statusSilentBaseline = "status.silent_baseline"
  case statusFillingIn = "status.filling_in"
  case statusWatch = "status.watch"
  case continuingFor
  case continuingShort
  case ruleBeyondLimit = "rule.beyond_limit"
  case ruleRunOf8 = "rule.run_of_8"
  case ruleTrendOf6 = "rule.trend_of_6"
  case ruleTwoOfThreeBeyond2sigma = "rule.two_of_three_beyond_2sigma"
  case matchedTag = "matched.tag"
  case matchedId = "matched.id"
  case matchedExpected = "matched.expected"

  // MARK: Column headings

  case columnCell
  case columnCount
  case columnExpected
  case columnUCL
  case columnRate
  case columnRules
  case columnStatus
  case columnOwner
  case columnIssue
  case columnIssues
  case columnShare
  case columnCumulative
  case columnVital
  case columnCategory
  case columnIssueNow
  case columnFlaggedBefore
  case columnResolvedPeriod
  case columnIssuesThen
  case columnVitalIn
  case columnCustomer
  case columnComplaints
  case columnKeyAccount
  case columnMedianHours
  case columnP90Hours
  case columnMedianHoursShort
  case columnP90HoursShort
  case columnSLABreached
  case columnOpenPastSLA
  case columnTicket
  case columnCreated
  case columnHoursOpen
  case columnPeriod
  case columnLandedIn
  case columnMatchedBy
  case columnFile
  case columnInput
  case columnRowsRead
  case columnAccepted
  case columnRejected
  case columnDuplicates
  case columnFiltered
  case columnBytesReplaced
  case columnReason
  case columnRows
  case columnProductLine
  case columnTier

  // MARK: Anomalies

  case headingAnomalies
  case noAnomalies
  case headingAnomalyDetails
  case headingImprovements
  case improvementsNote
  case headingResolved
  case resolvedNote
  case ownerNone
  case factComplaintsValue
  case factRate
  case factRateValue
  case factChart
  case factTopIssues
  case figChart
  case figLegend
  case figReleases
  case ticketsLine
  case ticketsMore
  case mdImprovements
  case mdResolved

  // MARK: Vital few and Pareto

  case headingVitalFew
  case vitalByIssue
  case vitalByCell
  case noComplaints
  case noComplaintsSentence
  case htmlVitalSummary
  case mdVitalSummary
  case headingPareto
  case noParetoComplaints
  case paretoTitle
  case paretoTitlePrevious
  case vitalMark
  case paretoOther

  // MARK: Charts

  case chartControlLabel
  case chartParetoLabel
  case chartParetoHeading
  case chartPointTooltip
  /// A point of a count chart (no sales): the count, which is the chart's value.
  case chartCountTooltip
  case chartThreshold

  // MARK: Heatmap

  case headingGrid
  case noChartedCells
  case heatLegend
  case heatNoRate
  case heatAnomaly
  case heatNote

  // MARK: Recurrence

  case headingRecurrence
  case noRecurrence
  case labelConcentrations
  case concentrationsNote
  case labelReturning
  case labelRecurringIssues
  case labelRepeatComplainants
  case labelRelease
  case labelMissing
  case headingReleases
  case releasesNote
  case releaseFigure
  case mdReturning
  case mdRecurringNote
  case mdRepeatSummary
  case mdConsumers
  case concentration
  case concentrationHour
  case concentrationWeekday
  case concentrationAgent
  case concentrationChannel
  case concentrationSlice
  case headingSlice
  case sliceNote
  case sliceSignal
  case sliceWatch
  case sliceNone
  case sliceWithout
  case sliceColumn
  case sliceBySystem
  case sliceByFile
  case sliceShortHistory
  case sliceNotJudgedPartial
  case sliceNotJudgedGap
  case sliceNoneTested
  case columnValue
  case sliceFigure
  case releaseSubject
  case releaseNotEnoughData
  case releaseRose
  case releaseFell
  case releaseSame

  // MARK: Resolution

  case headingResolution
  case headingResolutionTimes
  case noResolution
  case mdSLASentence
  case slaNote
  case headingCellsBySLA
  case headingOpenPastSLA
  case noOpenPastSLA
  case openPastSLASummary

  // MARK: Canaries

  case headingCanaries
  case canariesNote
  case canariesMissing
  case mdCanaryFound
  case mdCanaryMissing
  case mdCanariesNote

  // MARK: Data quality

  case headingDataQuality
  case headingInputs
  case noInputs
  case headingRejectedRows
  case noRejects
  case rejectsNote
  case headingClassification
  case unclassifiedShare
  case htmlReclassified
  case unclassifiedTerms
  case headingDataGaps
  case noDataGaps
  case dataGapsSummary
  case mdDataGapsOne
  case mdDataGapsOther
  case mdReclassified
  case mdRejected

  // MARK: Coverage

  case notePrefix
  case noticePartial
  case noticePartialUnknown
  case noticeLatestWhole
  case noticeNotCovered
  case noticeNoRows
  case noticeLatestTicket
  case noticeLineNotCovered
  case noticeLinesNotCovered
  case noticeLinesLeftOut
  case noticeClassificationShift
  case noticeShareBefore
  case noticeUnassigned
  case noticeUnclassified
  case noticeEmptyText
  case noticeJudgedMinority
  case noticeEmptyStretch
  case noticeFileEmptyStretch
  case noticeFileEmptyStretchWithheld
  case noticeEmptyStretchOne
  case noticeFileEmptyStretchOne
  case noticeFileEmptyStretchWithheldOne
  case headlineEmptyDaysOne
  case cardEmptyDayOne
  case shareOfTotal
  case unjudgedPartial
  case unjudgedNoData
  case nothingJudgedPartial
  case nothingJudgedNotCovered
  case nothingJudgedNoRows
  case nothingJudgedHistory
  case nothingJudgedNoUnits
  case unjudgedUnassigned
  case unjudgedLines
  case unjudgedHistory
  case unjudgedNoUnits
  case nothingJudgedUnassigned
  case nothingJudgedLines
  case noData
  case noDataNoRows
  case noSales
  case noSLA
  case emptyTextOne
  case emptyTextOther
  case withoutResolution
  case sparseResolution
  case datesOnlyResolution
  case headingCoverage
  case noCoveredFiles
  case columnExport
  case columnCovers
  case columnProductLines
  case columnPeriods
  case coverageWhole
  case coverageGapsNote
  case fileSpanCovers
  case fileSpanTickets
  case spanRange
  case spanNone
  case periodRange
  case gapLine
  case gapRun
  case gapMonthOne
  case gapMonthOther
  case gapWeekOne
  case gapWeekOther
  case gapNotCovered
  case gapNotCarried
  case gapNoRows
  case gapPartial
  case gapBeforeHistory
  case gapEmptyStretch
  case listAnd
  case listSeparator

  // MARK: Method

  case headingMethod
  case mdMethodLine
  case fdrOff
  case factMethod
  case factLimits
  case factBaseline
  case factBaselineValue
  case factMinimumCount
  case factFDR
  case factExposure
  case factRates
  case factRatesValue
  case methodDescription
  case methodRollingBaseline
  case methodFrozenBaselines
  case methodFrozenRest
  case methodFDR
  case methodNoFDR
  case methodSalesExposure
  case methodCountExposure
  case methodCoverage
  case chartsCharted
  case chartsList
  case chartsU
  case chartsLaney
  case chartsPoisson
  case chartsP
  case chartsLaneyP
  case chartsTested
  case chartsShort

  // MARK: Watches and the detection procedure

  case headingWatch
  case watchNote
  case mdWatches
  case mdWatchCell
  case factRunRules
  case factRunRulesWatch
  case factRunRulesAnomaly
  case factSmallCountWeight
  case mdRunRulesWatch
  case mdRunRulesAnomaly
  case procedureFDR
  case procedureWeighted
  case procedureNoFDR
  case procedureWatch
  case procedureRunRules
  case procedureSimulated
  case procedureNotSimulated
  case heatNoData

  // MARK: Run charts, share charts, drivers, every cell's chart (ReportText+Charts.swift)

  case headingRunCharts
  case runChartsNote
  case runChartFacts
  case runChartNoSignal
  case runChartLongRun
  case runChartFewCrossings
  case chartRunLabel
  case chartMedian
  case ruleLongRun = "rule.long_run"
  case ruleFewCrossings = "rule.few_crossings"
  case headingShares
  case sharesNote
  case sharesNoneFlagged
  case columnAllComplaints
  case columnExpectedShare
  case columnUpperLimit
  case headingSharePercent
  case chartShareLabel
  case figShareChart
  case mdShareFinding
  case headingDrivers
  case driversNote
  case driversNoPrevious
  case columnBefore
  case columnChange
  case notComparable
  case driversLineSummary
  /// The same for a line with one complaint in the window.
  case driversLineSummaryOne
  case factCellDrivers
  case driverItem
  case driverItemChange
  case headingAllCells
  case allCellsNote
  case chartSmallLabel
  case mdAllCells
  case sharesMovedOne
  case sharesMovedOther
  case runChartNotJudged
  case sharesNotJudged
  case sharesReasonHistory
  case sharesReasonPartial
  case sharesReasonWithheld
  case sharesNew
  case runChartTooFew
  case figCountChart
  case figLegendCounts

  // MARK: Periods still filling in, series silent for their baseline (ReportText+Lag)

  case noticeFillingIn
  case noticeFillingInEveryComplaint
  case noticeLinesFillingIn
  case noticeUnassignedFillingIn
  case unjudgedFillingIn
  case nothingJudgedFillingIn
  case gapFillingIn
  case sliceNotJudgedFillingIn
  case silentCells
  case sliceSilent

  // MARK: Level shifts a rolling baseline follows (ReportText+Shift)

  case levelShifts
  case levelShiftItem
  case levelShiftConfirmedItem
  case procedureRebaseline

  // MARK: A long thinning tail still filling in (ReportText+Tail)

  case noticeFillingInRun
  case noticeLaterFillingIn
  case noticeLaterFillingInLines

  // MARK: Windows a product line's data does not fill (ReportText+Windows)

  case vitalNotWhole
  case vitalNotWholeItem
  case vitalNotWholeMark
  case driversLineNotWhole
  case driversLineNotWholeOne
  case driversWindowNotWhole
  case sharesLeftOut
  case sharesLeftOutItem

  // MARK: An export joining a line's exports mid-history (ReportText+Joins)

  case noticeExportJoined

  // MARK: A burst after a silent baseline, listed as a watch (ReportText+Appeared)

  case ruleAppeared = "rule.appeared"
  case watchAppeared
  case sliceAppeared
  case methodAppeared
}
