import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One pack's index file in the cache, open for the session.
///
/// The file is a header line, then five sections: the listing of the pack folder it was read
/// from (``PackListing``), the head (``PackHead``, or the diagnostics of a pack that failed),
/// the manifest, the modules (titles, lessons, step outlines and where each lesson's steps sit),
/// and the lessons' steps one after another. Start-up reads the header, the listing and the
/// head only; the rest is read the first time it is used. The file stays open, so a newer
/// index written by another process (a rename) does not change what this session reads. Every
/// section carries a hash checked when it is read; a damaged section is never trusted: the pack
/// is read from its files again instead.
final class PackIndexFile: @unchecked Sendable {
    static let magic = "pathway-pack-index"

    /// Where a section sits in the file, and the hash of its bytes.
    struct Section: Sendable {
        var offset: Int
        var length: Int
        var hash: String

        /// The header fields of `sections` written one after another: each one's length and hash.
        static func fields(_ sections: [Data]) -> [String] {
            sections.flatMap { [String($0.count), IndexHash.hex(of: $0)] }
        }

        /// The sections that `fields` (a length and a hash each) describe, laid out one after
        /// another from `start`; nil when a length is not a count or their sum overflows (a
        /// damaged or crafted header must fail the size check, not trap).
        static func laidOut(_ fields: ArraySlice<String>, from start: Int) -> [Section]? {
            guard fields.count % 2 == 0 else { return nil }
            var sections: [Section] = []
            var offset = start
            for index in stride(from: fields.startIndex, to: fields.endIndex, by: 2) {
                guard let length = Int(fields[index]), length >= 0, case let (end, false) = offset.addingReportingOverflow(length) else { return nil }
                sections.append(Section(offset: offset, length: length, hash: fields[index + 1]))
                offset = end
            }
            return sections
        }

        /// Its bytes among the first `available` of `bytes` (the file's start), when they are
        /// all there and their hash matches.
        func bytes(in bytes: [UInt8], available: Int) -> Data? {
            guard offset + length <= available else { return nil }
            let data = Data(bytes[offset..<(offset + length)])
            return IndexHash.hex(of: data) == hash ? data : nil
        }
    }

    /// Where one lesson's steps sit in the steps section.
    struct BodyRange: Sendable {
        var offset: Int
        var length: Int
        var hash: String
    }

    /// The steps of a lesson as written in the steps section.
    struct StoredSteps: Codable {
        var steps: [any Step]
        enum CodingKeys: String, CodingKey { case steps }

        init(steps: [any Step]) { self.steps = steps }

        init(from decoder: any Decoder) throws {
            steps = try decoder.container(keyedBy: CodingKeys.self).decode([AnyStep].self, forKey: .steps).map(\.step)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            var list = c.nestedUnkeyedContainer(forKey: .steps)
            for step in steps { try step.encode(to: list.superEncoder()) }
        }
    }

    let folder: URL
    let failed: Bool
    /// Where the index was read from; removed when a section turns out damaged.
    private let path: String
    private let descriptor: Int32
    private let manifestSection: Section, modulesSection: Section, bodies: Section
    private let lock = NSLock()
    /// The pack read again from its files after a damaged section, once.
    private var reloaded: Pack??

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.userInfo[trustedSourceKey] = true
        return decoder
    }()

    private init(path: String, folder: URL, descriptor: Int32, failed: Bool, sections: [Section]) {
        self.path = path
        self.folder = folder
        self.descriptor = descriptor
        self.failed = failed
        (manifestSection, modulesSection, bodies) = (sections[2], sections[3], sections[4])
    }

    deinit { close(descriptor) }

    /// How an index is found current for its pack folder.
    enum Check {
        /// Its listing still matches the folder, entry by entry (start-up's way: no folder is read).
        case listing
        /// It was written for the folder's files with this fingerprint (after reading them all).
        case fingerprint(String)
    }

    /// Opens the index at `path` when it is current for `folder` by `check`, with the head's
    /// bytes (hash checked) and, when it was checked by its listing, what that tells; nil when it is
    /// missing, stale, truncated or damaged.
    static func open(_ path: String, folder: URL, folderPath: String? = nil, check: Check) -> (file: PackIndexFile, head: Data, current: PackListing.Current?)? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        let size = Int(info.st_size)
        // The header line, the listing and, usually, the whole head come in one read.
        var first = [UInt8](repeating: 0, count: min(max(size, 0), 8192))
        let read = first.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard read > 0, let newline = first[..<read].firstIndex(of: 10),
              let header = parseHeader(first[..<newline], start: newline + 1),
              let last = header.sections.last, last.offset + last.length == size else {
            close(fd)
            return nil
        }
        let file = PackIndexFile(path: path, folder: folder, descriptor: fd, failed: header.failed, sections: header.sections)
        func section(_ section: Section) -> Data? {
            section.offset + section.length <= read ? section.bytes(in: first, available: read) : file.bytes(section)
        }
        var checked: PackListing.Current?
        switch check {
        case let .fingerprint(fingerprint):
            guard header.fingerprint == fingerprint else { return nil }
        case .listing:
            guard let listing = section(header.sections[0]),
                  let current = PackListing.check(listing, at: folderPath ?? folder.path, written: PackListing.Time(info.st_mtim)) else { return nil }
            checked = current
        }
        guard let head = section(header.sections[1]) else { return nil }
        return (file, head, checked)
    }

    /// `magic format fingerprint status` then length and hash of each section.
    private static func parseHeader(_ bytes: ArraySlice<UInt8>, start: Int) -> (fingerprint: String, failed: Bool, sections: [Section])? {
        let fields = bytes.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 4 + 2 * sectionCount, fields[0] == magic, fields[1] == String(PackCache.format),
              fields[3] == "ok" || fields[3] == "failed", let sections = Section.laidOut(fields[4...], from: start) else { return nil }
        return (fields[2], fields[3] == "failed", sections)
    }

    /// The listing, the head, the manifest, the modules and the steps.
    static let sectionCount = 5

    /// The header line for these sections.
    static func header(fingerprint: String, failed: Bool, sections: [Data]) -> Data {
        precondition(sections.count == sectionCount)
        let fields = [magic, String(PackCache.format), fingerprint, failed ? "failed" : "ok"] + Section.fields(sections)
        return Data((fields.joined(separator: " ") + "\n").utf8)
    }

    /// The bytes of `section`, when they can all be read and their hash matches.
    private func bytes(_ section: Section) -> Data? {
        guard section.length >= 0 else { return nil }
        var data = Data(count: section.length)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < section.length {
                let n = pread(descriptor, buffer.baseAddress! + done, section.length - done, off_t(section.offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        guard complete, IndexHash.hex(of: data) == section.hash else { return nil }
        return data
    }

    private func decode<T: Decodable>(_ type: T.Type, _ section: Section) -> T? {
        bytes(section).flatMap { try? Self.decoder.decode(type, from: $0) }
    }

    /// The diagnostics of a pack that failed, and its manifest when it could be read.
    func failure(head data: Data) -> (diagnostics: [PackDiagnostic], manifest: PackManifest?)? {
        guard failed, let diagnostics = try? Self.decoder.decode([PackDiagnostic].self, from: data) else { return nil }
        return (diagnostics, manifestSection.length == 0 ? nil : decode(PackManifest.self, manifestSection))
    }

    /// The manifest; from the pack's files again when its part of the index is damaged (nil
    /// when they no longer load either).
    func manifest() -> PackManifest? {
        decode(PackManifest.self, manifestSection) ?? reloadedPack()?.manifest
    }

    func modules() -> [Module] {
        guard let modules = bytes(modulesSection).flatMap(PackIndexModules.decode) else { return reloadedPack()?.modules ?? [] }
        return modules.map { module in
            Module(id: module.id, title: module.title, summary: module.summary, skills: module.skills,
                   lessons: module.lessons.map { lesson in
                       let (id, range) = (lesson.id, lesson.body)
                       return Lesson(id: id, title: lesson.title, minutes: lesson.minutes, sources: lesson.sources, file: lesson.file,
                                     outline: lesson.outline, counts: lesson.counts) { [self] in steps(of: id, at: range) }
                   }, file: module.file, placement: module.placement)
        }
    }

    /// A lesson's steps; from the pack's files again when its part of the index is damaged.
    func steps(of lesson: String, at range: BodyRange) -> [any Step] {
        let section = Section(offset: bodies.offset + range.offset, length: range.length, hash: range.hash)
        if range.offset >= 0, range.offset + range.length <= bodies.length,
           let stored = decode(StoredSteps.self, section) {
            return stored.steps
        }
        if let steps = reloadedPack()?.lesson(id: lesson)?.lesson.steps, !steps.isEmpty { return steps }
        return [TextStep(text: "This lesson could not be read again from its pack. Type reload, then open it again.")]
    }

    /// The pack read from its files, once, for when a section of the index is damaged. The
    /// damaged index is removed (unless another process already replaced it), so the next
    /// start-up writes a new one.
    private func reloadedPack() -> Pack? {
        lock.withLock {
            if let reloaded { return reloaded }
            var mine = stat(), current = stat()
            if fstat(descriptor, &mine) == 0, stat(path, &current) == 0, mine.st_ino == current.st_ino, mine.st_dev == current.st_dev {
                unlink(path)
            }
            let pack = PackLoader(runsSelfCheck: false).load(folder).pack
            reloaded = .some(pack)
            return pack
        }
    }
}
