import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Learning Record Store for the tests: Ralph (ralph-malph 5.1.0) with its file-system
/// backend on 127.0.0.1, started from the virtual environment `scripts/lrs-server.sh install`
/// makes (`.ci/run` installs it). In CI a missing installation fails the tests that need it.
final class RalphServer {
    static let user = "teacher"
    static let password = "s3cret"

    /// `PATHWAY_RALPH_VENV`, else `.build/ralph-venv` in the repository.
    static var venv: URL? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["PATHWAY_RALPH_VENV"].map { URL(fileURLWithPath: $0) },
                          TerminalSessionTests.repository.appending(path: ".build/ralph-venv")].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appending(path: "bin/python").path) }
    }

    /// Whether the tests that need the LRS run: always in CI (CI=true), where a missing
    /// installation is a failure; elsewhere only when it is installed.
    static var enabled: Bool { venv != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    let directory: URL
    private(set) var port = 0
    private var process: Process?

    var endpoint: String { "http://127.0.0.1:\(port)/xAPI/" }

    init(directory: URL) {
        self.directory = directory
    }

    deinit { stop() }

    /// Starts the server (on `port`, or a free one) and waits until it answers.
    func start(port requested: Int = 0) async throws {
        guard let venv = Self.venv else {
            throw Failure("Ralph is not installed: run scripts/lrs-server.sh install (CI runs it in .ci/run)")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portFile = directory.appending(path: "port")
        try? FileManager.default.removeItem(at: portFile)
        let process = Process()
        process.executableURL = venv.appending(path: "bin/python")
        process.arguments = [TerminalSessionTests.repository.appending(path: "scripts/ralph-lrs.py").path, "127.0.0.1",
                             String(requested), directory.path, Self.user, Self.password]
        let log = directory.appending(path: "server-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning {
                throw Failure("Ralph stopped: " + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
            }
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let found = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                port = found
                if let (_, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(found)/__heartbeat__")!),
                   (response as? HTTPURLResponse)?.statusCode == 200 {
                    return
                }
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        stop()
        throw Failure("Ralph did not answer within 60 s")
    }

    /// Stops the server; its statements stay in `directory` for the next start.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        // Uvicorn waits for open connections to close; after 5 s it is killed.
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        self.process = nil
    }

    /// Every statement the LRS holds, following `more` links.
    func statements() async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var next: URL? = URL(string: endpoint + "statements?limit=500")
        while let url = next {
            var request = URLRequest(url: url)
            request.setValue("Basic " + Data("\(Self.user):\(Self.password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
            request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
            let (data, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200,
                  let page = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure("GET statements failed: \(String(decoding: data, as: UTF8.self))")
            }
            let statements = page["statements"] as? [[String: Any]] ?? []
            all += statements
            next = (page["more"] as? String).flatMap { $0.isEmpty || statements.isEmpty ? nil : URL(string: $0, relativeTo: url)?.absoluteURL }
        }
        return all
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
