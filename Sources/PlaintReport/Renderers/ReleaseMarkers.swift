extension ReportModel.ReleaseEffect {
  /// The marker a control chart of this product line draws.
  public var marker: ControlChartSVG.Marker {
    ControlChartSVG.Marker(period: period, label: name)
  }
}

extension ReportModel {
  /// Release markers for the charts of one product line.
  public func releaseMarkers(productLine: String) -> [ControlChartSVG.Marker] {
    recurrence.releases.filter { $0.productLine == productLine }.map(\.marker)
  }
}
