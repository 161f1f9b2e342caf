import Foundation

/// Header names that mark each ticket field, in the starter's eight languages (en, de, fr, es,
/// pl, tr, el, zh), for `plaint init --from` to map an export no profile knows.
enum HeaderNames {
  static let byField: [(field: TicketField, names: [String])] = [
    (
      .id,
      [
        "id", "ticket id", "ticket", "ticket number", "ticket no", "case id", "case number",
        "case no", "case", "complaint id", "complaint number", "number", "no", "reference", "ref",
        "key", "issue key",
        "nr", "nummer", "ticketnummer", "fallnummer", "vorgangsnummer", "ticket nr", "kennung",
        "numéro", "n°", "identifiant", "référence", "numéro de ticket",
        "número", "nº", "referencia", "identificador", "número de caso",
        "numer", "identyfikator", "numer zgłoszenia",
        "numara", "kimlik", "talep no", "şikayet no", "kayıt no",
        "αριθμός", "κωδικός", "αρ",
        "编号", "编码", "单号", "工单号", "序号",
      ]
    ),
    (
      .created,
      [
        "created", "created at", "created date", "creation date", "date", "date created",
        "opened", "opened at", "received", "date received", "submitted", "submitted at",
        "reported", "timestamp",
        "datum", "erstellt", "erstellt am", "eröffnet", "eingang", "eingangsdatum", "angelegt",
        "créé", "créé le", "date de création", "ouvert le", "reçu",
        "fecha", "creado", "fecha de creación", "abierto",
        "data", "utworzono", "data utworzenia", "data zgłoszenia",
        "tarih", "oluşturulma", "oluşturma tarihi", "açılış tarihi", "kayıt tarihi",
        "ημερομηνία", "δημιουργία", "ημερομηνία δημιουργίας",
        "日期", "时间", "创建时间", "提交时间",
      ]
    ),
    (
      .updated,
      [
        "updated", "updated at", "modified", "last update", "last updated", "last modified",
        "geändert", "aktualisiert", "modifié", "mis à jour", "actualizado", "modificado",
        "zaktualizowano", "zmodyfikowano", "güncellendi", "güncelleme tarihi", "ενημέρωση",
        "更新时间", "修改时间",
      ]
    ),
    (
      .resolved,
      [
        "resolved", "resolved at", "closed", "closed at", "solved", "solved at", "gelöst",
        "geschlossen", "erledigt", "résolu", "fermé", "clos", "resuelto", "cerrado",
        "rozwiązano", "zamknięto", "çözüldü", "kapandı", "kapanış tarihi", "επιλύθηκε",
        "έκλεισε", "解决时间", "关闭时间",
      ]
    ),
    (
      .text,
      [
        "subject", "description", "text", "summary", "complaint", "narrative", "body", "message",
        "details", "comment", "title", "complaint text",
        "betreff", "beschreibung", "nachricht", "beschwerde", "titel",
        "objet", "sujet", "texte", "plainte", "titre",
        "asunto", "descripción", "texto", "mensaje", "queja", "reclamo", "título",
        "temat", "opis", "treść", "wiadomość", "skarga", "reklamacja", "tytuł",
        "konu", "açıklama", "metin", "mesaj", "şikayet", "başlık", "detay",
        "θέμα", "περιγραφή", "κείμενο", "μήνυμα", "παράπονο", "τίτλος",
        "标题", "描述", "内容", "简述", "详情", "主题",
      ]
    ),
    (
      .customer,
      [
        "customer", "customer id", "requester", "requester email", "email", "e mail", "account",
        "client", "contact", "author", "caller", "user",
        "kunde", "kundennummer", "konto", "courriel", "compte", "cliente", "correo", "cuenta",
        "klient", "müşteri", "eposta", "e posta", "hesap", "πελάτης", "客户", "用户", "邮箱",
        "投诉人",
      ]
    ),
    (
      .customerName,
      [
        "customer name", "name", "full name", "requester name", "contact name", "kundenname",
        "nom", "nombre", "nazwa klienta", "imię i nazwisko", "müşteri adı", "ad soyad", "όνομα",
        "姓名", "客户名称",
      ]
    ),
    (
      .product,
      [
        "product", "model", "item", "sku", "product line", "article",
        "produkt", "modell", "artikel", "produit", "modèle", "producto", "modelo", "artículo",
        "artykuł", "ürün", "προϊόν", "μοντέλο", "产品", "型号", "车系", "车型", "商品",
      ]
    ),
    (
      .channel,
      [
        "channel", "via", "source", "origin", "submitted via", "kanal", "canal", "kanał",
        "κανάλι", "渠道", "来源",
      ]
    ),
    (
      .agent,
      [
        "agent", "assignee", "owner", "assigned to", "handler", "bearbeiter", "zuständig",
        "responsable", "asignado", "agente", "przypisany", "konsultant", "temsilci", "atanan",
        "υπεύθυνος", "处理人", "负责人", "客服",
      ]
    ),
    (
      .category,
      [
        "category", "type", "reason", "issue", "issue type", "complaint type", "topic", "kategorie",
        "typ", "art", "grund",
        "catégorie", "motif", "categoría", "tipo", "motivo", "kategoria", "rodzaj", "kategori",
        "tür", "κατηγορία", "τύπος", "类型", "类别", "分类",
      ]
    ),
    (.tags, ["tags", "labels", "schlagworte", "étiquettes", "etiquetas", "tagi", "etiketler"]),
  ]

  /// How well `header` names `field`: 3 an exact name, 2 a name among its words (or inside it,
  /// in Chinese), 0 none.
  static func score(_ header: String, _ field: TicketField) -> Int {
    let words = Self.words(header)
    guard !words.isEmpty, let names = folded[field] else { return 0 }
    var best = 0
    for name in names {
      if name == words { return 3 }
      if contains(words, name) { best = 2 }
    }
    if best == 0, !header.isEmpty, let raw = byField.first(where: { $0.field == field })?.names {
      let text = header.lowercased()
      if raw.contains(where: { $0.unicodeScalars.contains(where: isCJK) && text.contains($0) }) {
        best = 2
      }
    }
    return best
  }

  private static let folded: [TicketField: [[String]]] = Dictionary(
    uniqueKeysWithValues: byField.map { ($0.field, $0.names.map(words)) })

  /// Lower-cased, accent-folded words; punctuation splits words.
  static func words(_ text: String) -> [String] {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.split { !($0.isLetter || $0.isNumber || $0 == "°" || $0 == "º") }.map(String.init)
  }

  private static func contains(_ words: [String], _ name: [String]) -> Bool {
    guard !name.isEmpty, name.count <= words.count else { return false }
    for start in 0...(words.count - name.count)
    where Array(words[start..<(start + name.count)]) == name {
      return true
    }
    return false
  }

  private static func isCJK(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x2E80 }
}
