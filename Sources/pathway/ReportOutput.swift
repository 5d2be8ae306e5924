import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

/// Where a report goes: a file (written atomically) or standard output.
struct ReportOutput {
    var file: String?

    func write(_ text: String) throws {
        if let file {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: file))
            FileHandle.standardError.write(Data("wrote \(file) (\(text.utf8.count) bytes)\n".utf8))
        } else {
            // Text from packs and progress never reaches a terminal raw.
            FileHandle.standardOutput.write(Data((isatty(STDOUT_FILENO) != 0 ? TerminalSafeText.sanitize(text) : text).utf8))
        }
    }

    /// The identity of `profile` (its saved identity, the environment, the class settings).
    static func identity(_ common: CommonOptions, profile: String) throws -> ResolvedIdentity {
        try ResolvedIdentity.load(data: try common.resolvedDataDirectory(), profile: profile, environment: ProcessInfo.processInfo.environment)
    }

    /// The packs and this profile's progress, read-only; what loading repaired is noted.
    static func load(_ common: CommonOptions) throws -> (PackLibrary, LearnerProgress) {
        var launcher = common.launcher()
        let (tutor, _, _) = try launcher.makeTutor(preview: true)
        for notice in launcher.notices { Console.note(notice) }
        return (tutor.library, tutor.progress)
    }

    /// What the words of `report` or `portfolio` ask for; wrong words exit with status 64 (usage).
    static func request<Kind: ReportKind>(_ arguments: ReportArguments<Kind>) throws -> ReportRequest {
        do {
            return try arguments.request()
        } catch {
            throw CommandFailure(error.description, status: ExitCode.validationFailure.rawValue)
        }
    }

    /// Says the format is unknown and which ones there are; the exit status is 64 (usage).
    static func unknown(_ format: String, in ids: [String]) -> CommandFailure {
        CommandFailure("unknown format '\(format)'; choose one of: \(ids.joined(separator: ", "))", status: ExitCode.validationFailure.rawValue)
    }
}

extension CommonOptions {
    /// This profile opened the way every command opens one; notices are printed.
    func openProfile(for access: ProfileOpener.Access) throws -> ProfileOpener.Opened {
        let data = try resolvedDataDirectory()
        let opened = try ProfileOpener.open(profile ?? data.currentProfile(), in: data, for: access)
        for notice in opened.notices { Console.note(notice) }
        return opened
    }
}
