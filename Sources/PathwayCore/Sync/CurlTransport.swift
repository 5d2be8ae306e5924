import Foundation

/// HTTP(S) through the system's libcurl, loaded with `dlopen` when the first request is sent.
///
/// Linking Foundation's URL loading (FoundationNetworking) into the executable would load
/// libcurl and its dependencies at every start (about 20 ms, measured) although only
/// `pathway sync` and cohort reports from an LRS use the network; loading it on demand keeps
/// the tutor's start-up as it was. libcurl 7.17 or later is needed (every current Linux ships
/// it: `libcurl4` on Debian and Ubuntu; Swift's own Foundation depends on it).
public struct CurlTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let curl = try Curl.shared.get()
        guard let handle = curl.easyInit() else { throw TransportError.unavailable("libcurl could not start a request") }
        defer { curl.easyCleanup(handle) }
        var headerList: OpaquePointer?
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            headerList = curl.slistAppend(headerList, "\(name): \(value)")
        }
        if request.body != nil && request.headers["Content-Type"] == nil {
            headerList = curl.slistAppend(headerList, "Content-Type: application/json")
        }
        headerList = curl.slistAppend(headerList, "Expect:")  // no 100-continue round trip
        defer { curl.slistFreeAll(headerList) }
        let sink = Sink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        let milliseconds = max(Int(request.timeout * 1000), 1)
        _ = curl.setString(handle, Curl.optURL, request.url.absoluteString)
        _ = curl.setLong(handle, Curl.optNoSignal, 1)
        _ = curl.setLong(handle, Curl.optTimeoutMS, milliseconds)
        _ = curl.setLong(handle, Curl.optConnectTimeoutMS, min(milliseconds, 10_000))
        _ = curl.setPointer(handle, Curl.optHTTPHeader, UnsafeRawPointer(headerList))
        _ = curl.setPointer(handle, Curl.optWriteFunction, unsafeBitCast(Curl.write, to: UnsafeRawPointer.self))
        _ = curl.setPointer(handle, Curl.optWriteData, UnsafeRawPointer(sinkPointer))
        if request.method != "GET" { _ = curl.setString(handle, Curl.optCustomRequest, request.method) }
        let body = request.body ?? Data()
        let code: Int32 = body.withUnsafeBytes { bytes in
            if request.body != nil {
                _ = curl.setLong(handle, Curl.optPostFieldSizeLarge, body.count)
                _ = curl.setPointer(handle, Curl.optPostFields, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1))
            }
            return curl.easyPerform(handle)
        }
        withExtendedLifetime(sink) {}
        switch code {
        case 0: break
        case 28: throw TransportError.timedOut(request.timeout)
        default: throw TransportError.unreachable(curl.describe(code))
        }
        var status = 0
        _ = curl.getLong(handle, Curl.infoResponseCode, &status)
        return HTTPResponse(status: status, body: sink.data)
    }

    /// Collects a response body.
    final class Sink {
        var data = Data()
    }
}

/// The few libcurl functions Pathway calls, looked up once.
struct Curl: @unchecked Sendable {
    typealias SetPointer = @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
    typealias SetLong = @convention(c) (OpaquePointer?, Int32, Int) -> Int32
    typealias WriteCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

    static let optWriteData: Int32 = 10_001, optURL: Int32 = 10_002, optPostFields: Int32 = 10_015
    static let optHTTPHeader: Int32 = 10_023, optCustomRequest: Int32 = 10_036, optWriteFunction: Int32 = 20_011
    static let optPostFieldSizeLarge: Int32 = 30_120, optTimeoutMS: Int32 = 155, optConnectTimeoutMS: Int32 = 156
    static let optNoSignal: Int32 = 99
    static let infoResponseCode: Int32 = 0x20_0002

    static let write: WriteCallback = { data, size, count, user in
        guard let data, let user else { return 0 }
        let sink = Unmanaged<CurlTransport.Sink>.fromOpaque(user).takeUnretainedValue()
        sink.data.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
        return size * count
    }

    let easyInit: @convention(c) () -> OpaquePointer?
    let easyCleanup: @convention(c) (OpaquePointer?) -> Void
    let easyPerform: @convention(c) (OpaquePointer?) -> Int32
    let setPointerFunction: SetPointer
    let setLongFunction: SetLong
    let getInfo: @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Int32
    let slistAppendFunction: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let slistFreeAll: @convention(c) (OpaquePointer?) -> Void
    let strerror: @convention(c) (Int32) -> UnsafePointer<CChar>?

    /// libcurl, loaded on first use; the error says what to install when it is missing.
    static let shared: Result<Curl, TransportError> = {
        let names = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib", "/usr/lib/libcurl.4.dylib"]
        guard let library = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(.unavailable("libcurl is not installed; install it (Debian/Ubuntu: sudo apt-get install libcurl4) to talk to an LRS"))
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard let globalInit = symbol("curl_global_init", as: (@convention(c) (Int) -> Int32).self),
              let easyInit = symbol("curl_easy_init", as: (@convention(c) () -> OpaquePointer?).self),
              let easyCleanup = symbol("curl_easy_cleanup", as: (@convention(c) (OpaquePointer?) -> Void).self),
              let easyPerform = symbol("curl_easy_perform", as: (@convention(c) (OpaquePointer?) -> Int32).self),
              let setPointer = symbol("curl_easy_setopt", as: SetPointer.self),
              let setLong = symbol("curl_easy_setopt", as: SetLong.self),
              let getInfo = symbol("curl_easy_getinfo", as: (@convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Int32).self),
              let slistAppend = symbol("curl_slist_append", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?).self),
              let slistFreeAll = symbol("curl_slist_free_all", as: (@convention(c) (OpaquePointer?) -> Void).self),
              let strerror = symbol("curl_easy_strerror", as: (@convention(c) (Int32) -> UnsafePointer<CChar>?).self)
        else { return .failure(.unavailable("the libcurl found lacks functions Pathway needs; install libcurl 7.17 or later")) }
        _ = globalInit(3)  // CURL_GLOBAL_ALL, once, before any thread starts a request
        return .success(Curl(easyInit: easyInit, easyCleanup: easyCleanup, easyPerform: easyPerform, setPointerFunction: setPointer,
                             setLongFunction: setLong, getInfo: getInfo, slistAppendFunction: slistAppend, slistFreeAll: slistFreeAll,
                             strerror: strerror))
    }()

    func setPointer(_ handle: OpaquePointer, _ option: Int32, _ value: UnsafeRawPointer?) -> Int32 { setPointerFunction(handle, option, value) }
    func setLong(_ handle: OpaquePointer, _ option: Int32, _ value: Int) -> Int32 { setLongFunction(handle, option, value) }
    /// libcurl copies string options, so the C string only has to live for the call.
    func setString(_ handle: OpaquePointer, _ option: Int32, _ value: String) -> Int32 {
        value.withCString { setPointerFunction(handle, option, UnsafeRawPointer($0)) }
    }
    func getLong(_ handle: OpaquePointer, _ info: Int32, _ value: inout Int) -> Int32 {
        withUnsafeMutablePointer(to: &value) { getInfo(handle, info, UnsafeMutableRawPointer($0)) }
    }
    func slistAppend(_ list: OpaquePointer?, _ text: String) -> OpaquePointer? { text.withCString { slistAppendFunction(list, $0) } }
    func describe(_ code: Int32) -> String { strerror(code).map { String(cString: $0) } ?? "libcurl error \(code)" }
}
