import Foundation

/// Where `pathway sync` sends statements, saved in `DATA/lrs.json` with mode 0600 (readable by
/// the learner only). The password is never in it unless the learner chose
/// `--password-stdin`; otherwise it names a password file, read at each sync.
public struct LRSConfiguration: Codable, Sendable, Equatable {
    /// The LRS's xAPI endpoint, such as `http://127.0.0.1:8100/xAPI/`; `statements` is appended.
    public var endpoint: String
    public var user: String
    public var passwordFile: String?
    public var password: String?
    /// Sync in the background after each completed lesson.
    public var autoSync: Bool
    /// Statements per POST.
    public var batchSize: Int

    public static let defaultBatchSize = 500
    public static let maximumBatchSize = 5_000

    public init(endpoint: String, user: String, passwordFile: String? = nil, password: String? = nil, autoSync: Bool = false,
                batchSize: Int = Self.defaultBatchSize) {
        self.endpoint = endpoint
        self.user = user
        self.passwordFile = passwordFile
        self.password = password
        self.autoSync = autoSync
        self.batchSize = batchSize
    }

    /// The configuration file in `data`.
    public static func file(in data: DataDirectory) -> URL { data.root.appending(path: "lrs.json") }

    /// The saved configuration; nil when none was saved.
    public static func load(from data: DataDirectory) throws -> LRSConfiguration? {
        let file = file(in: data)
        guard let bytes = try? Data(contentsOf: file) else { return nil }
        do {
            return try JSONDecoder().decode(LRSConfiguration.self, from: bytes)
        } catch {
            throw SyncError.configuration("\(file.path) cannot be read; configure again with pathway sync --lrs URL --user U --password-file F")
        }
    }

    /// Saves to `data` with mode 0600, atomically.
    public func save(to data: DataDirectory) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let file = Self.file(in: data)
        try FileManager.default.createDirectory(at: data.root, withIntermediateDirectories: true)
        let temporary = data.root.appending(path: ".lrs.json.\(getpid()).tmp")
        let bytes = try encoder.encode(self) + Data("\n".utf8)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw SyncError.configuration("cannot write \(temporary.path): \(String(cString: strerror(errno)))") }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw SyncError.configuration("cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The statements resource under the endpoint.
    public func statementsURL() throws -> URL {
        try Self.statementsURL(endpoint)
    }

    /// `endpoint` + `statements`, checked: an http(s) address with no user or password in it.
    public static func statementsURL(_ endpoint: String) throws -> URL {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw SyncError.configuration("'\(TerminalSafeText.sanitize(Self.redacted(endpoint)))' is not an LRS endpoint: give its xAPI address, such as http://127.0.0.1:8100/xAPI/")
        }
        guard url.user == nil && url.password == nil else {
            throw SyncError.configuration("put the user in --user and the password in --password-file, not in the LRS address")
        }
        return URL(string: endpoint.hasSuffix("/") ? endpoint + "statements" : endpoint + "/statements")!
    }

    /// `endpoint` with any password in it replaced by `***`.
    static func redacted(_ endpoint: String) -> String {
        guard var parts = URLComponents(string: endpoint), parts.password != nil else { return endpoint }
        parts.password = "***"
        return parts.string ?? "(an address with a password)"
    }

    /// The password: `PATHWAY_LRS_PASSWORD`, else the saved one, else the password file's first line.
    public func resolvedPassword(environment: [String: String]) throws -> String {
        if let password = environment["PATHWAY_LRS_PASSWORD"], !password.isEmpty { return password }
        if let password, !password.isEmpty { return password }
        guard let passwordFile else {
            throw SyncError.configuration("no password: give --password-file FILE (or --password-stdin, or set PATHWAY_LRS_PASSWORD)")
        }
        guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
            throw SyncError.configuration("cannot read the password file \(passwordFile)")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !line.isEmpty else { throw SyncError.configuration("the password file \(passwordFile) is empty") }
        return line
    }
}
