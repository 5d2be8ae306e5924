import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// `pathway sync`: sends the profile's learning records to a Learning Record Store.
    struct SyncCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Send your learning records (xAPI statements) to a Learning Record Store.",
            discussion: """
            Configure once: pathway sync --lrs http://127.0.0.1:8100/xAPI/ --user U --password-file F \
            (saved in DATA/lrs.json, readable by you only; the password stays in its file). Then \
            'pathway sync' sends what the LRS has not acknowledged yet. See docs/lrs.md.
            """
        )

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("lrs"), help: "The LRS's xAPI endpoint, such as http://127.0.0.1:8100/xAPI/ (saved).")
        var endpoint: String?

        @Option(help: "The LRS user (saved).")
        var user: String?

        @Option(name: .customLong("password-file"), help: "A file whose first line is the LRS password (its path is saved, not the password).")
        var passwordFile: String?

        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input and keep it in DATA/lrs.json (mode 0600).")
        var passwordFromStandardInput = false

        @Option(name: .customLong("auto-sync"), help: "on: sync in the background after each completed lesson; off (saved).")
        var autoSync: String?

        @Option(name: .customLong("batch-size"), help: "Statements per POST (saved; default 500).")
        var batchSize: Int?

        @Option(help: "Seconds to wait for each answer from the LRS.")
        var timeout: Double = 30

        @Option(help: "Times to try a batch again after a 5xx answer or a network failure (waiting 0.5 s, 1 s, 2 s, … between).")
        var retries = 4

        @Flag(name: .customLong("dry-run"), help: "Say what would be sent, and send nothing.")
        var dryRun = false

        @Flag(help: "Show what is queued, what was sent and the last error.")
        var status = false

        func validate() throws {
            if let autoSync, !["on", "off"].contains(autoSync) { throw ValidationError("--auto-sync must be 'on' or 'off'") }
            if let batchSize, !(1...LRSConfiguration.maximumBatchSize).contains(batchSize) {
                throw ValidationError("--batch-size must be between 1 and \(LRSConfiguration.maximumBatchSize)")
            }
            if !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be between 0 and 600 seconds") }
            if !(0...10).contains(retries) { throw ValidationError("--retries must be between 0 and 10") }
            if passwordFile != nil && passwordFromStandardInput { throw ValidationError("give --password-file or --password-stdin, not both") }
        }

        func run() throws {
            do {
                try runSync()
            } catch let error as SyncError {
                throw CommandFailure("\(error)\nNothing was lost: what the LRS did not acknowledge stays queued for the next 'pathway sync'.")
            }
        }

        private func runSync() throws {
            let launcher = common.launcher()
            let data = try DataDirectory.resolve(explicit: common.dataDirectory, environment: launcher.environment)
            let configuration = try updatedConfiguration(data)
            let (library, progress) = try ReportOutput.load(common)
            let sync = try ProfileSync(data: data, profile: progress.profile, configuration: configuration,
                                       environment: launcher.environment, timeout: timeout)
            let all = sync.statements(library: library, progress: progress)
            let engine = sync.engine(retryDelays: (0..<retries).map { 0.5 * Double(1 << $0) })
            let pending = engine.pending(all)
            let endpoint = configuration.endpoint
            if status {
                let state = sync.ledger.status()
                print("LRS: \(endpoint) (user \(configuration.user); automatic sync \(configuration.autoSync ? "on" : "off"))")
                print("Learner: \(sync.identity.label) (\(sync.identity.accountDescription))")
                print("Queued: \(Plural.count(pending.count, "statement")); sent: \(all.count - pending.count) of \(all.count)")
                print("Last sync: \(state.lastSuccess.map(ReportText.timestamp) ?? "never")"
                      + (state.lastAttempt.map { "; last attempt \(ReportText.timestamp($0))" } ?? ""))
                print("Last error: \(state.lastError ?? "none")")
                return
            }
            if dryRun {
                let batches = (pending.count + configuration.batchSize - 1) / configuration.batchSize
                print("Would send \(Plural.count(pending.count, "statement")) in \(Plural.count(batches, "batch", "batches")) to \(endpoint) "
                      + "as \(sync.identity.accountDescription); \(all.count - pending.count) already sent. Nothing was sent.")
                for statement in pending.prefix(5) { print("  \(statement.id)  \(statement.summary)") }
                if pending.count > 5 { print("  … and \(pending.count - 5) more") }
                return
            }
            if pending.isEmpty {
                print("Nothing to send: the LRS holds \(all.count == 1 ? "the one statement" : "all \(all.count) statements").")
                _ = try engine.run(all)
                return
            }
            let report = try engine.run(all)
            print("Sent \(Plural.count(report.posted, "statement")) in \(Plural.count(report.batches, "batch", "batches")) to \(endpoint): "
                  + "\(report.stored) stored, \(report.alreadyHeld) already there.")
            if !report.refused.isEmpty {
                for refusal in report.refused {
                    Console.error("the LRS refused statement \(refusal.id) (\(refusal.summary)): HTTP \(refusal.status) \(refusal.reason)")
                }
                throw CommandFailure("\(Plural.count(report.refused.count, "statement stays", "statements stay")) queued; the others were sent.")
            }
        }

        /// The saved configuration with this command's options applied (and saved when changed).
        private func updatedConfiguration(_ data: DataDirectory) throws -> LRSConfiguration {
            let saved = try LRSConfiguration.load(from: data)
            guard var configuration = saved ?? endpoint.map({ LRSConfiguration(endpoint: $0, user: user ?? "") }) else {
                throw SyncError.configuration("no LRS configured yet: pathway sync --lrs URL --user U --password-file F")
            }
            if let endpoint { configuration.endpoint = endpoint }
            if let user { configuration.user = user }
            if let passwordFile {
                configuration.passwordFile = passwordFile.hasPrefix("/") ? passwordFile
                    : FileManager.default.currentDirectoryPath + "/" + passwordFile
                configuration.password = nil
            }
            if passwordFromStandardInput {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw SyncError.configuration("--password-stdin: no password on standard input")
                }
                configuration.password = line
                configuration.passwordFile = nil
            }
            if let autoSync { configuration.autoSync = autoSync == "on" }
            if let batchSize { configuration.batchSize = batchSize }
            _ = try configuration.statementsURL()
            if configuration.user.isEmpty { throw SyncError.configuration("no LRS user: give --user U") }
            if configuration != saved {
                try configuration.save(to: data)
                print("Saved the LRS settings in \(LRSConfiguration.file(in: data).path).")
            }
            return configuration
        }
    }
}
