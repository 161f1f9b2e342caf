import Foundation
import PlaintCore
import Testing

@testable import PlaintEngine

/// The files `plaint init` writes load as they are, and the starter taxonomy sorts everyday
/// complaints in each of its eight languages.
@Suite struct StarterTests {
  static let classifier: Classifier? = {
    guard
      let taxonomy = try? TaxonomyFile.load(
        Data(Starter.taxonomy.utf8), shownAs: "taxonomy.yml")
    else { return nil }
    return Classifier(taxonomy: taxonomy)
  }()

  @Test func writesAConfigAndTaxonomyThatLoad() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-init-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let written = try Starter.write(into: directory)
    #expect(written == [directory + "/plaint.yml", directory + "/taxonomy.yml"])
    #expect(FileManager.default.fileExists(atPath: directory + "/exports"))
    let configuration = try Configuration.load(path: directory + "/plaint.yml")
    #expect(configuration.sources.first?.profile == "auto")
    #expect(configuration.taxonomy == "taxonomy.yml")
    #expect(configuration.control.method == .auto)
    #expect(Self.classifier != nil)
  }

  @Test func neverOverwrites() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-init-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Data("mine".utf8).write(to: URL(fileURLWithPath: directory + "/taxonomy.yml"))
    #expect(throws: PlaintError.self) { try Starter.write(into: directory) }
    #expect(!FileManager.default.fileExists(atPath: directory + "/plaint.yml"))
    let kept = try String(contentsOfFile: directory + "/taxonomy.yml", encoding: .utf8)
    #expect(kept == "mine")
  }

  @Test(arguments: [
    ("en", "The kettle stopped working after a week", "defect", "Kitchen Appliances"),
    ("en", "I want my money back", "refund", Cell.unassigned),
    ("en", "The driver was rude to me", "rude_staff", Cell.unassigned),
    ("de", "Der Wasserkocher ist DEFEKT", "defect", "Kitchen Appliances"),
    ("de", "Brandgeruch beim Einschalten", "safety", Cell.unassigned),
    ("de", "Ich warte immer noch auf die Lieferung", "late_delivery", Cell.unassigned),
    ("fr", "La bouilloire fuit depuis hier", "leak", "Kitchen Appliances"),
    ("fr", "Aucune réponse du service client", "no_response", Cell.unassigned),
    ("es", "El paquete llegó dañado", "damaged_on_arrival", Cell.unassigned),
    ("es", "Me han cobrado dos veces", "billing", Cell.unassigned),
    ("pl", "Czajnik nie działa", "defect", "Kitchen Appliances"),
    ("pl", "Brakuje części w zestawie", "missing_parts", Cell.unassigned),
    ("tr", "Süpürge ARIZALI geldi", "defect", "Home Care"),
    ("tr", "Para iadesi hâlâ yapılmadı", "refund", Cell.unassigned),
    ("tr", "İade kabul edilmedi", "return_refused", Cell.unassigned),
    ("el", "Ο βραστήρας χάλασε", "defect", "Kitchen Appliances"),
    ("el", "ΔΕΝ ΑΠΑΝΤΟΥΝ στα email", "no_response", Cell.unassigned),
    ("zh", "电水壶坏了", "defect", "Kitchen Appliances"),
    ("zh", "我要退款", "refund", Cell.unassigned),
    ("zh", "客服态度很差", "rude_staff", Cell.unassigned),
  ])
  func sortsEverydayComplaints(
    language: String, text: String, issue: String, productLine: String
  ) throws {
    let classifier = try #require(Self.classifier)
    let result = classifier.classify(text: text, product: nil, sourceCategory: nil)
    #expect(result.issue == issue, "\(language): \(text) → \(result.rule)")
    #expect(result.productLine == productLine, "\(language): \(text)")
  }

  @Test func skuGlobsDecideTheProductLine() throws {
    let classifier = try #require(Self.classifier)
    let result = classifier.classify(
      text: "vacuum cleaner stopped working", product: "KA-1200", sourceCategory: nil)
    #expect(result.productLine == "Kitchen Appliances")
  }
}
