import Foundation
import PathwayCore

/// Wires a REPL session from the command line's choices: the data directory, the pack search
/// path, the profile, and the terminal (readline on a tty, plain lines otherwise).
public struct Launcher {
    public var dataDirectory: String?
    public var packPaths: [String] = []
    /// The profile; nil uses the one chosen with `profile switch`, else `default`.
    public var profile: String?
    public var seed: UInt64?
    public var shuffle = true
    /// The career path to follow (`--path`, else `PATHWAY_PATH`); saved in the profile.
    public var path: String?
    /// Lines handled as if typed first (e.g. `placement ml-basics` for `pathway placement`).
    public var initialCommands: [String] = []
    public var environment: [String: String]
    /// The profile lock, held for as long as the launcher lives.
    public private(set) var lock: ProfileLock?
    /// Whether ``runInteractive(errorOutput:)`` ends the process when the session ends (the
    /// `pathway` command), releasing the profile lock first, instead of returning: the tutor and
    /// every pack are then not taken apart object by object, which cost a fraction of a
    /// millisecond per pack on the search path. Tests that run a session in their own process
    /// leave it off.
    public var exitsWhenDone = false
    /// What the learner should be told at start (a repaired file, a read-only session).
    public private(set) var notices: [String] = []
    public var executable: URL
    public var workingDirectory: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executable: URL = URL(fileURLWithPath: CommandLine.arguments[0]),
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.environment = environment
        self.executable = executable
        self.workingDirectory = workingDirectory
    }

    /// The pack search path: shipped curricula, the user's packs, `PATHWAY_PACKS`, `--pack-path`.
    public func packSources(data: DataDirectory?) -> [PackSource] {
        var sources: [PackSource] = []
        if let shipped = PackSource.shipped(environment: environment, executable: executable, workingDirectory: workingDirectory) {
            sources.append(shipped)
        }
        if let data { sources.append(PackSource(folder: data.packsDirectory, origin: .user)) }
        for path in (environment["PATHWAY_PACKS"] ?? "").split(separator: ":") where !path.isEmpty {
            sources.append(PackSource(folder: absolute(String(path)), origin: .environment, displayPath: String(path)))
        }
        for path in packPaths {
            sources.append(PackSource(folder: absolute(path), origin: .option, displayPath: path))
        }
        return sources
    }

    private func absolute(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appending(path: path)
    }

    /// How the tutor loads packs: without running every question's own answers through its
    /// grader (packs are checked when installed), through the pack index in `data`'s cache.
    /// An install's index of the shipped packs (`pathway pack index`, run by `scripts/install.sh`)
    /// is read when the data folder has none yet, so even a first start-up reads no YAML.
    public func packLoader(data: DataDirectory?) -> PackLoader {
        let shipped = PackSource.shipped(environment: environment, executable: executable, workingDirectory: workingDirectory)
        let shared = shipped.map { [$0.folder.appending(path: PackCache.sharedFolderName)] } ?? []
        return PackLoader(runsSelfCheck: false, cache: data.map { PackCache(directory: $0.root.appending(path: "cache/packs"), shared: shared) })
    }

    /// Loads the library and the profile's progress, or throws a message for the learner.
    public mutating func makeTutor(preview: Bool = false) throws -> (Tutor, DataDirectory, () -> PackLibrary) {
        let data = try DataDirectory.resolve(explicit: dataDirectory, environment: environment)
        let profile = self.profile ?? data.currentProfile()
        let sources = packSources(data: data)
        let loader = packLoader(data: data)
        let loadLibrary = { PackLibrary.load(sources, loader: loader) }
        let opened: ProfileOpener.Opened
        do {
            opened = try ProfileOpener.open(profile, in: data, for: preview ? .read : .learn)
        } catch let failure as ProfileOpener.Failure {
            throw LaunchError(failure.description)
        }
        // Read ahead since the process started, when it was (see LibraryPrefetch); the profile
        // is opened first to give that read the time.
        let library = LibraryPrefetch.take(sources, loader: loader) ?? loadLibrary()
        lock = opened.lock
        notices = opened.notices
        let progress = opened.progress
        let store = opened.store
        let readOnly = opened.readOnly
        // Questions re-keyed or retired by a new version of a pack are named, never just counted.
        notices += library.retiredAnswers(in: progress).map(\.notice)
        var options = Tutor.Options()
        options.shuffleChoices = shuffle
        let random = seed.map(SeededRandom.init(seed:)) ?? .unseeded()
        let tutor = Tutor(library: library, progress: progress, store: store, random: random, options: options,
                          saving: preview ? .preview : readOnly ? .readOnly : .saved)
        if let id = path ?? environment["PATHWAY_PATH"], !id.isEmpty, !tutor.choosePath(id) {
            let known = library.paths.map(\.id)
            throw LaunchError("no career path '\(TerminalSafeText.sanitize(id))'" + (known.isEmpty ? "; no path is installed" : "; known paths: " + known.joined(separator: ", ")))
        }
        return (tutor, data, loadLibrary)
    }

    /// Runs the REPL on this process's terminal; returns the exit status.
    public mutating func runInteractive(errorOutput: any TextOutput = StandardOutput(error: true)) throws -> Int32 {
        // A full disk under `ulimit -f` must fail a write, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        let (tutor, data, reload) = try makeTutor()
        for notice in notices { errorOutput.line(TerminalText("note: \(notice)").description) }
        for notice in tutor.library.notices { errorOutput.line(TerminalText("note: \(notice)").description) }
        let broken = tutor.library.entries.filter { if case .disabled = $0.status { return true } else { return false } }
        for entry in broken {
            if case let .disabled(reason) = entry.status { errorOutput.line(TerminalText("warning: pack '\(entry.id)' is disabled: \(reason)").description) }
        }
        let profile = tutor.progress.profile
        let store = IdentityStore(directory: data.profileDirectory(profile))
        // PATHWAY_SKIP_IDENTITY=1 (scripted terminals, tests) or an identity set in the environment: no questions.
        let scripted = ["PATHWAY_LEARNER_NAME", "PATHWAY_LEARNER_EMAIL", "PATHWAY_LEARNER_ACCOUNT", "PATHWAY_SKIP_IDENTITY"]
            .contains { !(environment[$0] ?? "").isEmpty }
        // Asked once, on a new profile's first run on a terminal.
        let fresh = tutor.progress.lessons.isEmpty && tutor.progress.items.isEmpty
        if fresh, isatty(STDIN_FILENO) != 0, tutor.savesProgress, !scripted, !store.exists {
            do {
                _ = try IdentityPrompt(store: store, output: StandardOutput(), readLine: { Swift.readLine() }).run()
            } catch {
                errorOutput.line("note: could not save your name: \(error)")
            }
        }
        let repl = terminalRepl(tutor: tutor, historyFile: data.historyFile, reload: reload, errorOutput: errorOutput)
        do {
            let identity = try ResolvedIdentity.load(data: data, profile: profile, environment: environment)
            repl.identity = identity
        } catch {
            errorOutput.line("warning: \(error)")
        }
        configureAutomaticSync(repl, data: data, profile: profile, errorOutput: errorOutput)
        let status = repl.run(initialCommands: initialCommands)
        if exitsWhenDone {
            lock?.release()
            exit(status)
        }
        return status
    }

    /// A REPL on this process's terminal: readline when standard input is one, plain lines
    /// otherwise; colour and width from the terminal and the environment.
    func terminalRepl(tutor: Tutor, historyFile: URL?, reload: @escaping () -> PackLibrary, errorOutput: any TextOutput) -> Repl {
        let interactive = isatty(STDIN_FILENO) != 0
        let reader: any LineReader = interactive ? ReadlineLineReader(historyFile: historyFile) : PlainLineReader()
        return Repl(tutor: tutor, reader: reader, output: StandardOutput(), errors: errorOutput, style: style,
                    terminalWidth: isatty(STDOUT_FILENO) != 0 ? .terminal(environment: environment)
                        : .pipe(TerminalSize.wrapWidth(environment: environment)),
                    pager: Pager.terminal(environment: environment), reloadLibrary: reload)
    }

    /// Styling for standard output.
    var style: Style { Style.detect(isTTY: isatty(STDOUT_FILENO) != 0, environment: environment) }
}

extension Launcher {
    /// Runs one pack in the REPL without touching any learner's progress: `pathway pack preview`.
    /// Opens `lesson` (or the pack's first lesson) at once; `reload` picks up edits.
    public func runPreview(folder: String, lesson: String?, watch: Bool = false,
                           errorOutput: any TextOutput = StandardOutput(error: true)) throws -> Int32 {
        let url = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : workingDirectory.appending(path: folder)
        let working = [PackSource(folder: url, origin: .working, displayPath: folder)]
        // `requires` resolve against the search path; the folder under work shadows other copies.
        let searchPath = packSources(data: try? DataDirectory.resolve(explicit: dataDirectory, environment: environment))
        let load = { PackLibrary.loadWorking(working, searchPath: searchPath) }
        let library = load()
        for diagnostic in library.diagnostics(inside: working) { errorOutput.line(diagnostic.description) }
        guard let entry = library.workingEntries.first else {
            throw LaunchError("\(folder) holds no pack (a pack folder holds pack.yaml or pack.json)")
        }
        guard let pack = library.pack(id: entry.id), entry.status == .enabled else {
            let reason = entry.unusedReason ?? "it does not load"
            throw LaunchError("pack '\(entry.id)' in \(folder) cannot be previewed: \(reason) (pathway pack validate \(folder))")
        }
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "preview", now: Date()), store: PreviewProgressStore(),
                          random: seed.map(SeededRandom.init(seed:)) ?? .unseeded(), saving: .preview)
        let repl = terminalRepl(tutor: tutor, historyFile: nil, reload: load, errorOutput: errorOutput)
        StandardOutput().line(style.dim("Previewing \(pack.title) \(pack.manifest.version): nothing is saved. Type reload after editing the pack."))
        let inPack = { (reference: String) in library.lessons(matching: reference).filter { $0.pack.id == pack.id } }
        let target = lesson.flatMap { inPack($0).first } ?? pack.lessons.first.map { (pack, $0.module, $0.lesson) }
        if let lesson, inPack(lesson).isEmpty {
            errorOutput.line("warning: no lesson '\(lesson)' in the pack; opening its first lesson")
        }
        if let (pack, module, lesson) = target { repl.open(pack: pack, module: module, lesson: lesson, restart: true) }
        if watch {
            let watcher = FolderWatcher(folder: url)
            repl.watch = { watcher.changed() }
            StandardOutput().line(style.dim("Watching \(folder): the pack is reloaded and checked when a file changes."))
            if isatty(STDIN_FILENO) != 0 { Self.wakeOnChange(of: url) }
        }
        return repl.run(greeting: false)
    }

    /// Polls `folder` twice a second on a background thread and wakes the prompt when a file
    /// changes, so the REPL reloads without waiting for a key.
    private static func wakeOnChange(of folder: URL) {
        let main = pthread_self()
        let watcher = FolderWatcher(folder: folder)
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                if watcher.changed() { ReadlineLineReader.wake(main) }
            }
        }
        thread.start()
    }
}

/// A failure to start, with the sentence to show.
public struct LaunchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
