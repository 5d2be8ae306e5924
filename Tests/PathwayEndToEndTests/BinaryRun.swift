import Foundation
import Synchronization

/// One run of a program: its exit status and what it wrote.
struct BinaryRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `executable` with `arguments`, `input` on standard input (or none), and exactly
    /// `environment` (nothing inherited).
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String],
                    directory: URL? = nil) throws -> BinaryRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes at once so a full stderr pipe cannot block the child.
        let errData = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        let errHandle = stderr.fileHandleForReading
        Thread {
            let data = errHandle.readDataToEndOfFile()
            errData.withLock { $0 = data }
            done.signal()
        }.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return BinaryRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }
}
