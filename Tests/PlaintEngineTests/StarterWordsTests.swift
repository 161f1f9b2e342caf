import Foundation
import PlaintCore
import Testing

@testable import PlaintEngine

/// Everyday words that are not complaints leave the starter taxonomy's rules alone, in each of
/// its eight languages: greetings, thanks, questions, and words a bank or shop uses in passing
/// (a bank named Garanti, Polish "reklamacja" for any complaint, Turkish "bozuk para" for coins).
@Suite struct StarterWordsTests {
  @Test(arguments: [
    ("en", "Hello, I would like to update my address. Thank you for your help."),
    ("en", "Please send me the form; the information was incomplete last time"),
    ("de", "Guten Tag, ich habe eine Frage zu meiner Rechnung. Vielen Dank!"),
    ("de", "Mir fehlt noch die Kundennummer, bitte schicken Sie sie mir"),
    ("fr", "Bonjour, je voudrais changer mon adresse. Merci beaucoup."),
    ("es", "Hola, quiero cambiar mi dirección. Muchas gracias por su ayuda."),
    ("pl", "Dzień dobry, składam reklamację dotyczącą faktury. Dziękuję za pomoc."),
    ("tr", "Merhaba, Garanti Bankası müşterisiyim, hesabımla ilgili bilgi almak istiyorum."),
    ("tr", "Bozuk para kabul ediyor musunuz? Eksik bilgi için kaba bir taslak gönderdim."),
    ("el", "Καλημέρα, θα ήθελα πληροφορίες. Λείπει η διεύθυνση από το προφίλ μου."),
    ("zh", "你好，我想咨询一下会员积分，谢谢你的帮助"),
  ])
  func everydayWordsMatchNoIssue(language: String, text: String) throws {
    let classifier = try #require(StarterTests.classifier)
    let result = classifier.classify(text: text, product: nil, sourceCategory: nil)
    #expect(result.issue == ClassifiedTicket.unclassified, "\(language): \(text) → \(result.rule)")
  }

  @Test(arguments: [
    ("tr", "Para iadesi hâlâ yapılmadı", "refund"),
    ("tr", "Ürün garanti kapsamında ama onarım reddedildi", "warranty"),
    ("tr", "Süpürge bozuk geldi", "defect"),
    ("tr", "Kutuda parçası eksik", "missing_parts"),
    ("pl", "Gwarancja nie została uznana", "warranty"),
    ("de", "Im Paket Teile fehlen", "missing_parts"),
  ])
  func theNarrowerPhrasesStillMatch(language: String, text: String, issue: String) throws {
    let classifier = try #require(StarterTests.classifier)
    let result = classifier.classify(text: text, product: nil, sourceCategory: nil)
    #expect(result.issue == issue, "\(language): \(text) → \(result.rule)")
  }
}
