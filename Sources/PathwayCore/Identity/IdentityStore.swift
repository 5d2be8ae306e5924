import Foundation

/// A profile's identity, kept beside its progress in `profiles/NAME/identity.json` (written
/// atomically). The file's existence also records that the learner was asked once.
public struct IdentityStore: Sendable {
    public let file: URL

    public init(directory: URL) { file = directory.appending(path: "identity.json") }

    /// Whether the learner was asked (or the identity set) already.
    public var exists: Bool { FileManager.default.fileExists(atPath: file.path) }

    /// The saved identity; nil when none was saved.
    public func load() throws -> LearnerIdentity? {
        guard let bytes = try? Data(contentsOf: file) else { return nil }
        do {
            return try JSONDecoder().decode(LearnerIdentity.self, from: bytes)
        } catch {
            throw IdentityError.unreadable(file.path)
        }
    }

    public func save(_ identity: LearnerIdentity) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(identity) + Data("\n".utf8), to: file)
    }
}

/// A problem with identity settings, said so the learner or instructor can fix it.
public enum IdentityError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case badClassFile(String, reason: String)
    case badHomePage(String)
    case badEmail(String)
    case badName(String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "\(path) is not a readable identity file; set it again with 'pathway profile set name|email|account …'"
        case let .badClassFile(path, reason): return "class settings \(path): \(reason)"
        case let .badHomePage(page): return "'\(TerminalSafeText.sanitize(page))' is not an account home page: give an http(s) address such as https://lms.example.edu"
        case let .badEmail(text): return "'\(TerminalSafeText.sanitize(text))' is not an email address (like ada@example.org)"
        case let .badName(text): return "'\(TerminalSafeText.sanitize(text))' cannot be used: give 1 to 200 printable characters"
        }
    }
}

extension ResolvedIdentity {
    /// The identity of `profile` in `data`: its saved identity, the environment's overrides and
    /// the class settings.
    public static func load(data: DataDirectory, profile: String, environment: [String: String]) throws -> ResolvedIdentity {
        let stored = try IdentityStore(directory: data.profileDirectory(profile)).load()
        return resolve(stored, profile: profile, environment: environment,
                       classSettings: try ClassSettings.load(environment: environment, data: data))
    }
}
