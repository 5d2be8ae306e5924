import Foundation

/// Opens a learner profile the one way every command does: the lock as the purpose needs,
/// the progress loaded (and repaired when this process may write), and what the learner must
/// be told. The REPL, the reports and `progress export|import` all open profiles here.
public enum ProfileOpener {
    /// What the opener needs the profile for.
    public enum Access: Sendable, Equatable {
        /// Learning: take the lock; when another process holds it, open read-only and say so.
        case learn
        /// Changing the progress outside the tutor (an import): the lock, or an error.
        case write
        /// Reading only (reports, export, previews): no lock, nothing on disk changed.
        case read
    }

    /// An opened profile.
    public struct Opened {
        public var name: String
        public var directory: URL
        public var store: JournaledProgressStore
        /// Held while the profile is written; released when this value's owner drops it.
        public var lock: ProfileLock?
        /// The progress, or a fresh one for a profile with none yet.
        public var progress: LearnerProgress
        /// Whether the profile had no progress yet.
        public var isNew: Bool
        /// Whether changes must not be written (another process holds the lock, or `.read`).
        public var readOnly: Bool
        /// What the learner should be told (repairs, a lock taken over, a read-only session).
        public var notices: [String]
    }

    /// Why a profile could not be opened.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Opens `profile` in `data` for `access`.
    public static func open(_ profile: String, in data: DataDirectory, for access: Access, now: Date = Date()) throws -> Opened {
        guard Identifier.isValid(profile) else {
            throw Failure("profile name '\(profile)' is not valid: \(Identifier.rule)")
        }
        let directory = data.profileDirectory(profile)
        var notices: [String] = []
        var lock: ProfileLock?
        var readOnly = access == .read
        if access != .read {
            let candidate = ProfileLock(directory: directory)
            let outcome: ProfileLock.Outcome
            do {
                outcome = try candidate.acquire(now: now)
            } catch {
                throw Failure("cannot lock profile '\(profile)' in \(directory.path): \(error)")
            }
            switch outcome {
            case .acquired:
                lock = candidate
            case let .tookOverStale(holder):
                lock = candidate
                notices.append("Took over the profile lock left by \(holder), which is no longer running.")
            case let .heldBy(holder):
                let who = holder.map(\.description) ?? "unknown process"
                guard access == .learn else {
                    throw Failure("profile '\(profile)' is in use by another pathway (\(who)); quit it first. Nothing was changed.")
                }
                readOnly = true
                notices.append("Profile '\(profile)' is in use by another pathway (\(who)). "
                               + "This session is read-only: nothing you answer here will be saved. Quit the other one to save progress here.")
            }
        }
        let store = JournaledProgressStore(directory: directory, readOnly: readOnly)
        let loaded: LearnerProgress?
        do {
            loaded = try store.load()
        } catch let error as ProgressError {
            throw Failure("\(error)\nYour progress file was not changed. Move it aside to start fresh, or restore a backup.")
        }
        notices += store.notices
        return Opened(name: profile, directory: directory, store: store, lock: lock,
                      progress: loaded ?? LearnerProgress(profile: profile, now: now), isNew: loaded == nil,
                      readOnly: readOnly, notices: notices)
    }
}
