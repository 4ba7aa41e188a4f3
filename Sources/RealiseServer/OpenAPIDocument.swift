import RealiseGaps

/// The OpenAPI 3 description of `/api/v1`, served at `/api/v1/openapi.json`. A test checks that it names exactly
/// the routes the server has, with the statuses they answer.
enum OpenAPIDocument {
    /// The document, the rule ids that `only` and `skip` take filled in.
    static var json: String {
        let rule = "(" + GapRules.ids.joined(separator: "|") + ")"
        return template.replacingOccurrences(of: "RULE_LIST_PATTERN", with: "^\(rule)(,\(rule))*$")
    }

    private static let template = #"""
    {
      "openapi": "3.0.3",
      "info": {
        "title": "Realise workspace API",
        "version": "1.0.0",
        "description": "The gap report, listings, reviews due and the recording of measurements and reviews of one Realise workspace. Every call but this document needs `Authorization: Bearer TOKEN` (`realise user token NAME`). Errors are `{\"error\": {\"status\", \"message\", \"field\"}}`."
      },
      "servers": [{"url": "/"}],
      "security": [{"bearer": []}],
      "paths": {
        "/api/v1/gaps": {
          "get": {
            "summary": "The gap report as `realise gaps --format json` prints it.",
            "parameters": [
              {"name": "as-of", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}},
              {"name": "only", "in": "query", "required": false, "schema": {"type": "string", "pattern": "RULE_LIST_PATTERN"}, "description": "Rule ids to run, comma-separated."},
              {"name": "skip", "in": "query", "required": false, "schema": {"type": "string", "pattern": "RULE_LIST_PATTERN"}, "description": "Rule ids not to run, comma-separated."}
            ],
            "responses": {
              "200": {"description": "The report.", "content": {"application/json": {"schema": {"type": "object"}}}},
              "401": {"$ref": "#/components/responses/Unauthenticated"},
              "422": {"$ref": "#/components/responses/Invalid"}
            }
          }
        },
        "/api/v1/objectives": {"get": {"summary": "`realise list objectives --format json`.", "responses": {"200": {"$ref": "#/components/responses/Listing"}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
        "/api/v1/benefits": {"get": {"summary": "`realise list benefits --format json`.", "responses": {"200": {"$ref": "#/components/responses/Listing"}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
        "/api/v1/deliverables": {"get": {"summary": "`realise list deliverables --format json`.", "responses": {"200": {"$ref": "#/components/responses/Listing"}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
        "/api/v1/metrics": {"get": {"summary": "`realise list metrics --format json`.", "responses": {"200": {"$ref": "#/components/responses/Listing"}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
        "/api/v1/reviews/due": {
          "get": {
            "summary": "`realise review due --format json`: reviews overdue and due within some days.",
            "parameters": [
              {"name": "as-of", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}},
              {"name": "within", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "maximum": 36600}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Listing"},
              "401": {"$ref": "#/components/responses/Unauthenticated"},
              "422": {"$ref": "#/components/responses/Invalid"}
            }
          }
        },
        "/api/v1/metrics/{id}/measurements": {
          "post": {
            "summary": "Record a measurement of a metric (owners of its benefit, analysts, admins).",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Measurement"}}}},
            "responses": {
              "201": {"description": "Recorded.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordedMeasurement"}}}},
              "401": {"$ref": "#/components/responses/Unauthenticated"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "422": {"$ref": "#/components/responses/Invalid"}
            }
          }
        },
        "/api/v1/reviews": {
          "post": {
            "summary": "Record a review of a subject with its RAG status and measurements.",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}}},
            "responses": {
              "201": {"description": "Recorded.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordedReview"}}}},
              "401": {"$ref": "#/components/responses/Unauthenticated"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "422": {"$ref": "#/components/responses/Invalid"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {
              "status": {"type": "integer"}, "message": {"type": "string"}, "field": {"type": "string"}}}}
          },
          "Measurement": {
            "type": "object", "required": ["date", "value"],
            "properties": {"date": {"type": "string", "format": "date"}, "value": {"type": "number"},
                           "source": {"type": "string", "nullable": true}, "note": {"type": "string", "nullable": true}}
          },
          "RecordedMeasurement": {
            "type": "object", "required": ["metric", "date", "value", "replaced", "warnings"],
            "properties": {"metric": {"type": "string"}, "date": {"type": "string", "format": "date"}, "value": {"type": "number"},
                           "replaced": {"type": "string", "nullable": true}, "warnings": {"type": "array", "items": {"type": "string"}}}
          },
          "Review": {
            "type": "object", "required": ["subject", "rag", "date"],
            "properties": {"subject": {"type": "string"}, "rag": {"type": "string", "enum": ["red", "amber-red", "amber", "amber-green", "green"]},
                           "date": {"type": "string", "format": "date"}, "note": {"type": "string", "nullable": true},
                           "measurements": {"type": "object", "additionalProperties": {"type": "number"}}}
          },
          "RecordedReview": {
            "type": "object", "required": ["id", "subject", "date", "rag", "measurements"],
            "properties": {"id": {"type": "integer"}, "subject": {"type": "string"}, "date": {"type": "string", "format": "date"},
                           "rag": {"type": "string"}, "measurements": {"type": "integer"}}
          }
        },
        "responses": {
          "Listing": {"description": "The listing.", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}},
          "Unauthenticated": {"description": "No valid token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Forbidden": {"description": "The account's role may not.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No entity has the id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Invalid": {"description": "A field is missing or wrong; `field` names it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    }
    """#
}
