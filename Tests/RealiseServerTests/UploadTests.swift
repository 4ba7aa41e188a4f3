import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseReports
import RealiseServer
import RealiseTestSupport
import RealiseWorkbench
import Testing

/// Plan files uploaded through the import page are imported as the command line imports them: all or nothing, hostile
/// XML refused with the file's name and line, nothing over the size limit read, and their text shown escaped.
@Suite struct UploadTests {
    @Test func anAnalystImportsAPlanWhoseHostileTextIsShownEscaped() async throws {
        let fixture = try ServerFixture(examples: false)
        try await fixture.test { client in
            let analyst = try await SignedInClient.signIn(client, as: "ana")
            let response = try await analyst.upload([("hostile.xml", HostilePlan.xml)])
            #expect(response.status == .ok)
            #expect(response.text.contains("hostile.xml"))
            for path in ["/entities/MET-1", "/entities/PRG-1", "/entities/BEN%2F2%3Fx%23y", "/gaps", "/", "/map"] {
                let page = try await analyst.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("<script>alert"), "\(path)")
                #expect(!page.text.contains("href=\"javascript:"), "\(path)")
                #expect(!page.text.contains("\"onload=x"), "\(path)")
            }
            #expect(try await analyst.get("/entities/MET-1").text.contains("Journey time &lt;script&gt;alert(1)&lt;/script&gt;"))
        }
        let change = try #require(try fixture.workbench.changes(limit: 1).first)
        #expect(change.actor == "ana" && change.action == .import)
    }

    @Test(arguments: [
        ("xxe.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE plan [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <plan xmlns="urn:realise:plan:1"><programme id="P" name="&secret;"/></plan>
            """),
        ("bomb.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE plan [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <plan xmlns="urn:realise:plan:1"><programme id="P" name="&c;"/></plan>
            """),
    ])
    func hostileXMLIsRefusedAndNothingIsWritten(_ file: (name: String, content: String)) async throws {
        let fixture = try ServerFixture(examples: false)
        let before = try fixture.workbench.changes().count
        try await fixture.test { client in
            let analyst = try await SignedInClient.signIn(client, as: "ana")
            let response = try await analyst.upload([("good.xml", HostilePlan.xml), file])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Nothing was imported"))
            #expect(response.text.contains(file.name))
            #expect(!response.text.contains("root:") && !response.text.contains("realise-upload-"))
        }
        #expect(try fixture.workbench.changes().count == before)
        #expect(!ListFormat.json.render(try fixture.workbench.listing(.metrics)).contains("\"MET-1\""))
    }

    @Test func anUploadOverTheLimitIsRefusedWith413() async throws {
        let fixture = try ServerFixture(examples: false)
        try await fixture.test { client in
            let analyst = try await SignedInClient.signIn(client, as: "ana")
            let response = try await analyst.upload([("big.csv", String(repeating: "x", count: WebLimits.uploadBytes + 1))])
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func uploadsNeedTheCSRFTokenAndTheAnalystRole() async throws {
        let fixture = try ServerFixture(examples: false)
        try await fixture.test { client in
            let analyst = try await SignedInClient.signIn(client, as: "ana")
            #expect(try await analyst.upload([("plan.xml", HostilePlan.xml)], csrf: "forged").status == .forbidden)
            let owner = try await SignedInClient.signIn(client, as: "olu")
            #expect(try await owner.upload([("plan.xml", HostilePlan.xml)]).status == .forbidden)
            #expect(try await analyst.upload([("../../escape.xml", HostilePlan.xml)]).status == .ok, "kept only the file's own name")
        }
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("escape.xml").path))
    }
}
