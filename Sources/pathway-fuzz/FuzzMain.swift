import Foundation
import PathwayCore

#if FUZZING
// Built by scripts/fuzz.sh with -sanitize=fuzzer. SwiftPM links an executable's entry point as
// `pathway_fuzz_main`, so that hands control to libFuzzer's driver.
private let target = ProcessInfo.processInfo.environment["PATHWAY_FUZZ_TARGET"] ?? "pack"

private func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzTargets.run(target, bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("pathway_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}
#else
/// Replays inputs without the fuzzer: `pathway-fuzz TARGET FILE...`.
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            print("usage: pathway-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE...")
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTargets.run(target, data)
        }
        print("replayed \(arguments.count - 1) input(s) through \(target)")
    }
}
#endif
