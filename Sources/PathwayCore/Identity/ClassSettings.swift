import Foundation

/// What an instructor fixes for a whole class: the home page every learner's xAPI account is
/// filed under. Read from `PATHWAY_ACCOUNT_HOME_PAGE`, else from the JSON file named by
/// `PATHWAY_CLASS_FILE`, else from `DATA/class.json` (a file an instructor hands out):
///
///     { "accountHomePage": "https://lms.example.edu" }
public struct ClassSettings: Codable, Sendable, Equatable {
    public var accountHomePage: String?

    public init(accountHomePage: String? = nil) { self.accountHomePage = accountHomePage }

    /// The settings in force, or an error naming the file and what is wrong with it.
    public static func load(environment: [String: String], data: DataDirectory?) throws -> ClassSettings {
        var settings = ClassSettings()
        let file = environment["PATHWAY_CLASS_FILE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? data?.root.appending(path: "class.json")
        if let file, let bytes = try? Data(contentsOf: file) {
            do {
                settings = try JSONDecoder().decode(ClassSettings.self, from: bytes)
            } catch {
                throw IdentityError.badClassFile(file.path, reason: "not a JSON object like {\"accountHomePage\": \"https://lms.example.edu\"}")
            }
        }
        if let page = environment["PATHWAY_ACCOUNT_HOME_PAGE"], !page.isEmpty { settings.accountHomePage = page }
        if let page = settings.accountHomePage, !LearnerIdentity.isHomePage(page) {
            throw IdentityError.badHomePage(page)
        }
        return settings
    }
}
