import RealiseReports

/// TEMPORARY until the pages land: a plain error page.
enum ErrorPageText {
    static func render(_ error: WebError, viewer: Viewer?) -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(error.status.code)</title></head><body><main><h1>\(error.status.code)</h1>"
            + error.lines.map { "<p>\(HTMLText.escape($0))</p>" }.joined() + "</main></body></html>"
    }
}
