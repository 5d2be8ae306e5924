import Foundation
import PathwayCore

/// Sync after each completed lesson, when the LRS configuration asks for it: on its own thread,
/// with a short timeout and no retries, so the REPL never waits on the network. A sync that
/// fails or is cut short by quitting loses nothing: the statements stay queued for the next
/// one, and `pathway sync --status` shows the last error.
final class AutomaticSync: @unchecked Sendable {
    static let timeout: TimeInterval = 5
    private let lock = NSLock()
    private var running = false
    private var again = false
    let sync: ProfileSync
    let library: PackLibrary

    init(sync: ProfileSync, library: PackLibrary) {
        self.sync = sync
        self.library = library
    }

    /// Starts a sync of `progress` in the background (or queues one after the running one).
    func start(_ progress: LearnerProgress) {
        lock.lock()
        defer { lock.unlock() }
        if running {
            again = true
            return
        }
        running = true
        Thread.detachNewThread { [self] in
            var progress = progress
            while true {
                _ = try? sync.engine(retryDelays: []).run(sync.statements(library: library, progress: progress))
                lock.lock()
                if !again {
                    running = false
                    lock.unlock()
                    return
                }
                again = false
                lock.unlock()
                progress = latest ?? progress
            }
        }
    }

    /// The newest progress handed over while a sync ran.
    private var latest: LearnerProgress?

    func offer(_ progress: LearnerProgress) {
        lock.lock()
        latest = progress
        lock.unlock()
        start(progress)
    }
}

extension Launcher {
    /// Hooks automatic sync into `repl` when `DATA/lrs.json` turns it on.
    func configureAutomaticSync(_ repl: Repl, data: DataDirectory, profile: String, errorOutput: any TextOutput) {
        guard let configuration = try? LRSConfiguration.load(from: data), configuration.autoSync else { return }
        do {
            let sync = try ProfileSync(data: data, profile: profile, configuration: configuration, environment: environment,
                                       timeout: AutomaticSync.timeout)
            let automatic = AutomaticSync(sync: sync, library: repl.tutor.library)
            repl.onLessonCompleted = { automatic.offer($0) }
        } catch {
            errorOutput.line("note: automatic sync is off for this session: \(error)")
        }
    }
}
