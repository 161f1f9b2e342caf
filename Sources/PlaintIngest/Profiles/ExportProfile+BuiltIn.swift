extension ExportProfile {
  /// The help desks Plaint reads without a mapping, by the headers of their CSV exports.
  public static let builtIn: [ExportProfile] = [
    ExportProfile(
      name: "zendesk",
      columns: [
        .id: ["Id"], .created: ["Created at"], .updated: ["Updated at"], .resolved: ["Solved at"],
        .text: ["Subject", "Description"], .customer: ["Requester email", "Requester id"],
        .customerName: ["Requester"], .product: ["Product"], .channel: ["Via"],
        .agent: ["Assignee"], .category: ["Category"], .tags: ["Tags"],
      ],
      dateFormats: ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
      cannotContain: ["Ticket ID", "Complaint ID", "Issue key", "Resolution notes"]),
    ExportProfile(
      name: "freshdesk",
      columns: [
        .id: ["Ticket ID"], .created: ["Created time"], .updated: ["Last update time"],
        .resolved: ["Resolved time"], .text: ["Subject", "Description"],
        .customer: ["Email", "Contact ID"], .customerName: ["Full name"], .product: ["Product"],
        .channel: ["Source"], .agent: ["Agent"], .category: ["Type"], .tags: ["Tags"],
      ],
      dateFormats: ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"],
      cannotContain: ["Requester id", "Complaint ID", "Issue key"]),
    ExportProfile(
      name: "cfpb",
      columns: [
        .id: ["Complaint ID"], .created: ["Date received"], .updated: ["Date sent to company"],
        .text: ["Issue", "Sub-issue", "Consumer complaint narrative"], .product: ["Product"],
        .channel: ["Submitted via"], .category: ["Issue"], .tags: ["Tags"],
      ],
      dateFormats: ["M/d/yy", "M/d/yyyy"],
      cannotContain: ["Ticket ID", "Requester id"],
      emptyValues: ["None", "N/A"]),
    ExportProfile(
      name: "jira",
      columns: [
        .id: ["Issue key"], .created: ["Created"], .updated: ["Updated"], .resolved: ["Resolved"],
        .text: ["Summary", "Description"], .customer: ["Reporter"],
        .product: ["Component/s", "Components"], .agent: ["Assignee"],
        .category: ["Issue Type"], .tags: ["Labels"],
      ],
      dateFormats: ["dd/MMM/yy h:mm a", "dd/MMM/yy HH:mm"],
      cannotContain: ["Ticket ID", "Complaint ID"]),
    ExportProfile(
      name: "servicenow",
      columns: [
        .id: ["number", "Number"], .created: ["opened_at", "Opened"],
        .updated: ["sys_updated_on", "Updated"], .resolved: ["resolved_at", "Resolved"],
        .text: ["short_description", "Short description", "description", "Description"],
        .customer: ["caller_id", "Caller"], .product: ["cmdb_ci", "Configuration item"],
        .channel: ["contact_type", "Channel"], .agent: ["assigned_to", "Assigned to"],
        .category: ["category", "Category"],
      ],
      dateFormats: ["yyyy-MM-dd HH:mm:ss", "dd-MM-yyyy HH:mm:ss"],
      cannotContain: ["Ticket ID", "Complaint ID", "Issue key"]),
    ExportProfile(
      name: "salesforce",
      columns: [
        .id: ["Case Number"], .created: ["Date/Time Opened", "Opened Date"],
        .updated: ["Last Modified Date"], .resolved: ["Date/Time Closed", "Closed Date"],
        .text: ["Subject", "Description"], .customer: ["Contact Email", "Account Name"],
        .customerName: ["Contact Name"], .product: ["Product"], .channel: ["Case Origin"],
        .agent: ["Case Owner"], .category: ["Type", "Case Reason"],
      ],
      dateFormats: ["M/d/yyyy h:mm a", "M/d/yyyy"],
      cannotContain: ["Ticket ID", "Complaint ID"]),
  ]
}
