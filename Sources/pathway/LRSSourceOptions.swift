import ArgumentParser
import Foundation
import PathwayCore

/// Where `pathway report cohort --lrs` reads statements from, and which.
struct LRSSourceOptions: ParsableArguments {
    @Option(name: .customLong("lrs"), help: "Read the cohort from this LRS's xAPI endpoint (such as http://127.0.0.1:8100/xAPI/).")
    var endpoint: String?

    @Option(help: "The LRS user (default: the one 'pathway sync' saved).")
    var user: String?

    @Option(name: .customLong("password-file"), help: "A file whose first line is the LRS password (default: the saved settings).")
    var passwordFile: String?

    @Option(help: "With --lrs: only this pack's activities (the same as --pack).")
    var activity: String?

    @Option(name: .customLong("xapi-base"), help: "The IRI Pathway's activity ids were built under.")
    var xapiBase = "https://pathway.example/xapi/"

    @Option(name: .customLong("page-size"), help: "Statements asked for per request (the LRS may send fewer).")
    var pageSize = 1_000

    func validate() throws {
        if !(1...10_000).contains(pageSize) { throw ValidationError("--page-size must be between 1 and 10000") }
    }

    /// Every learner in the LRS's statements, as cohort inputs.
    /// `since` and `pack` filter the statements as they are read (the caller applies the same filter again).
    func learners(data: DataDirectory?, environment: [String: String], since: Date?, pack: String?) throws -> [CohortReport.Input] {
        guard let endpoint else { return [] }
        do {
            let saved = try data.flatMap { try LRSConfiguration.load(from: $0) }
            var configuration = saved ?? LRSConfiguration(endpoint: endpoint, user: "")
            configuration.endpoint = endpoint
            if let user { configuration.user = user }
            if let passwordFile {
                configuration.passwordFile = passwordFile
                configuration.password = nil
            }
            if configuration.user.isEmpty { throw SyncError.configuration("no LRS user: give --user U (and --password-file F)") }
            let client = LRSClient(statementsURL: try configuration.statementsURL(), user: configuration.user,
                                   password: try configuration.resolvedPassword(environment: environment))
            var source = LRSCohortSource(baseIRI: xapiBase, pack: pack, since: since)
            try source.read(from: client, pageSize: pageSize)
            FileHandle.standardError.write(Data("read \(Plural.count(source.read, "statement")) from \(endpoint); used \(source.used) (Pathway's records\(pack.map { " in pack \($0)" } ?? ""))\n".utf8))
            return source.inputs(source: "LRS")
        } catch let error as SyncError {
            throw CommandFailure("\(error)")
        }
    }
}
