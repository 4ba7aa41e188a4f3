import Hummingbird
import RealiseReports

extension Response {
    /// A JSON body (`application/json`).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        json(utf8: value.serialised() + "\n", status: status)
    }

    /// JSON already rendered, as a renderer writes it.
    static func json(utf8 text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, type: "application/json; charset=utf-8", status: status)
    }

    /// An HTML page.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        body(page, type: "text/html; charset=utf-8", status: status)
    }

    /// `text` as a body of `type`.
    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A download: `bytes` of `type`, saved as `filename`.
    static func download(_ bytes: [UInt8], type: String, filename: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// After a form is sent: see the page it changed (303, so a reload does not send the form again).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
