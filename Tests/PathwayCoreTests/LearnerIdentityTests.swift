import Foundation
import Testing
@testable import PathwayCore

/// Who the learner is: saved once, overridden for scripts, fixed by an instructor.
@Suite struct LearnerIdentityTests {
    @Test func defaultsToTheProfileNameOnTheDefaultHomePage() {
        let resolved = ResolvedIdentity.resolve(nil, profile: "ada", environment: [:], classSettings: ClassSettings())
        #expect(resolved == ResolvedIdentity(displayName: nil, account: .account(homePage: "https://pathway.example", name: "ada")))
        #expect(resolved.label == "ada")
    }

    @Test func theEnvironmentOverridesAndTheClassFixesTheHomePage() {
        let saved = LearnerIdentity(displayName: "Ada", account: .account(homePage: "https://mine.example", name: "ada-l"))
        let fixed = ClassSettings(accountHomePage: "https://lms.example.edu")
        #expect(ResolvedIdentity.resolve(saved, profile: "p", environment: [:], classSettings: fixed)
            == ResolvedIdentity(displayName: "Ada", account: .account(homePage: "https://lms.example.edu", name: "ada-l")))
        let scripted = ResolvedIdentity.resolve(saved, profile: "p", environment: ["PATHWAY_LEARNER_NAME": "Ada L.", "PATHWAY_LEARNER_EMAIL": "ada@example.org"],
                                                classSettings: fixed)
        #expect(scripted == ResolvedIdentity(displayName: "Ada L.", account: .mbox("ada@example.org")))
    }

    @Test func classSettingsComeFromTheEnvironmentOrAFileAndAreChecked() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "pathway-class-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = DataDirectory(root: directory)
        #expect(try ClassSettings.load(environment: [:], data: data) == ClassSettings())
        try Data("{\"accountHomePage\": \"https://lms.example.edu\"}".utf8).write(to: directory.appending(path: "class.json"))
        #expect(try ClassSettings.load(environment: [:], data: data).accountHomePage == "https://lms.example.edu")
        #expect(try ClassSettings.load(environment: ["PATHWAY_ACCOUNT_HOME_PAGE": "https://other.example"], data: data).accountHomePage == "https://other.example")
        #expect(throws: IdentityError.badHomePage("lms")) { try ClassSettings.load(environment: ["PATHWAY_ACCOUNT_HOME_PAGE": "lms"], data: data) }
        try Data("[1]".utf8).write(to: directory.appending(path: "class.json"))
        #expect(throws: IdentityError.self) { try ClassSettings.load(environment: [:], data: data) }
    }

    @Test func identitiesSaveAndLoadAndOldProgressFilesHaveNone() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "pathway-identity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = IdentityStore(directory: directory)
        #expect(!store.exists)
        for identity in [LearnerIdentity(displayName: "Ada", account: .mbox("ada@example.org")),
                         LearnerIdentity(account: .account(homePage: "https://lms.example.edu", name: "s-1")), LearnerIdentity()] {
            try store.save(identity)
            #expect(try store.load() == identity)
        }
        let old = Data("{\"schemaVersion\":2,\"profile\":\"ada\",\"createdAt\":\"2026-01-05T09:00:00Z\",\"updatedAt\":\"2026-01-05T09:00:00Z\"}".utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(LearnerProgress.self, from: old).learner == nil)
    }

    @Test func anEmailBecomesAnMboxActor() throws {
        let configuration = ResolvedIdentity(displayName: "Bob", account: .mbox("bob@example.org")).xapiConfiguration()
        let text = try XAPIReportFormat(configuration: configuration).render(ReportFixtures.sampleReport())
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let actor = try #require(statements.first?["actor"] as? [String: Any])
        #expect(actor["mbox"] as? String == "mailto:bob@example.org")
        #expect(actor["account"] == nil)
        #expect(actor["name"] as? String == "Bob")
        #expect(["ada@example.org", "a@b.co"].allSatisfy(LearnerIdentity.isEmail))
        #expect(!["ada", "@example.org", "ada@", "ada@example", "a b@example.org"].contains(where: LearnerIdentity.isEmail))
    }
}
