import Foundation

/// A sync of one profile to the LRS configured in its data directory.
public struct ProfileSync: Sendable {
    public var configuration: LRSConfiguration
    public var identity: ResolvedIdentity
    public var ledger: SyncLedger
    public var client: LRSClient

    public init(data: DataDirectory, profile: String, configuration: LRSConfiguration, environment: [String: String],
                transport: any HTTPTransport = CurlTransport(), timeout: TimeInterval = 30) throws {
        self.configuration = configuration
        identity = try ResolvedIdentity.load(data: data, profile: profile, environment: environment)
        ledger = SyncLedger(profileDirectory: data.profileDirectory(profile), endpoint: configuration.endpoint)
        client = LRSClient(statementsURL: try configuration.statementsURL(), user: configuration.user,
                           password: try configuration.resolvedPassword(environment: environment), transport: transport, timeout: timeout)
    }

    /// Every statement of `progress` as saved (the REPL's copy in memory has dates to the
    /// fraction of a second, the saved file to the second), as this learner's: the same ids
    /// whether an automatic sync in the REPL or a later `pathway sync` builds them.
    public func statements(library: PackLibrary, progress: LearnerProgress) -> [OutboxStatement] {
        OutboxStatement.all(library: library, progress: SnapshotFile.asSaved(progress), configuration: identity.xapiConfiguration())
    }

    public func engine(retryDelays: [TimeInterval] = [0.5, 1, 2, 4]) -> LRSSync {
        LRSSync(client: client, ledger: ledger, batchSize: configuration.batchSize, retryDelays: retryDelays)
    }
}
