/// Bounds on what a pack archive or folder may hold, checked before anything is written.
public struct ArchiveLimits: Sendable, Equatable {
    /// The most files and folders.
    public var maximumEntries: Int
    /// The most bytes once uncompressed, all files together.
    public var maximumTotalBytes: UInt64
    /// The longest entry path, in UTF-8 bytes.
    public var maximumPathBytes: Int

    public init(maximumEntries: Int = 5_000, maximumTotalBytes: UInt64 = 50 * 1024 * 1024, maximumPathBytes: Int = 1_024) {
        self.maximumEntries = maximumEntries
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumPathBytes = maximumPathBytes
    }

    /// 5,000 entries, 50 MiB uncompressed, paths of at most 1,024 bytes.
    public static let standard = ArchiveLimits()
}

/// Why a pack could not be archived, installed or removed. Each message says what to do.
public enum PackagingError: Error, CustomStringConvertible, Equatable {
    /// The pack has errors; the diagnostics say which.
    case invalidPack(String, [PackDiagnostic])
    case notAPack(String)
    case unsafePath(String, reason: String)
    case symbolicLink(String)
    case unsupportedEntry(String)
    case duplicateEntry(String)
    case tooManyEntries(limit: Int)
    case tooLarge(limit: UInt64)
    case inflatesBeyondSize(String)
    case damaged(String, detail: String)
    case unreadableArchive(String, detail: String)
    case notNewer(id: String, installed: SemanticVersion, offered: SemanticVersion)
    case occupied(String)
    case notInstalled(id: String, folder: String)
    /// Questions whose answer key changed under the same id without a raised `revision`.
    case keyChangedWithoutRevision(id: String, questions: [String])

    public var description: String {
        func shown(_ text: String) -> String { "'\(TerminalSafeText.sanitize(text))'" }
        switch self {
        case let .invalidPack(source, diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            return "\(shown(source)) has \(Plural.count(errors, "error")); fix \(Plural.noun(errors, "it", "them")) first (pathway pack validate)"
        case let .notAPack(path):
            return "\(shown(path)) holds no pack: a pack folder has pack.yaml (or pack.json) at its top, or in its only folder inside a zip"
        case let .unsafePath(path, reason):
            return "archive entry \(shown(path)) \(reason); refusing the archive"
        case let .symbolicLink(path):
            return "\(shown(path)) is a symbolic link; refusing it: packs hold only plain files and folders"
        case let .unsupportedEntry(path):
            return "\(shown(path)) is neither a plain file nor a folder; refusing it"
        case let .duplicateEntry(path):
            return "archive entry \(shown(path)) appears twice (or differs from another only in case); refusing the archive"
        case let .tooManyEntries(limit):
            return "the pack holds more than \(limit) files and folders; refusing it"
        case let .tooLarge(limit):
            return "the pack is larger than \(limit / 1_048_576) MiB uncompressed; refusing it"
        case let .inflatesBeyondSize(path):
            return "archive entry \(shown(path)) uncompresses to more than its declared size; the archive is damaged or hostile"
        case let .damaged(path, detail):
            return "archive entry \(shown(path)) cannot be unpacked: \(detail); refusing the archive"
        case let .unreadableArchive(path, detail):
            return "\(shown(path)) is not a readable zip archive: \(detail)"
        case let .notNewer(id, installed, offered):
            let relation = offered == installed ? "the same version" : "an older version"
            return "pack '\(id)' \(installed) is already installed and \(offered) is \(relation); use --force to install it anyway"
        case let .occupied(path):
            return "\(shown(path)) already exists and is not the installed copy of this pack; move it away first"
        case let .keyChangedWithoutRevision(id, questions):
            return "pack '\(id)': the answer key of \(questions.map(shown).joined(separator: ", ")) changed under the same id; "
                + "raise its 'revision:' (or give it a new id) so learners' earlier answers are not graded against the new key, "
                + "or use --force to install it anyway"
        case let .notInstalled(id, folder):
            return "pack \(shown(id)) is not installed in \(shown(folder)) (shipped packs and --pack-path folders are not removed)"
        }
    }
}
