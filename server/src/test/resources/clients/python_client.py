"""Header names are compared lower-cased, as HTTP says. A client not written for bouncekit: smtplib and urllib only. Prints one line per check; exits 1 on the first failure."""
import json
import smtplib
import sys
import urllib.request
from email.message import EmailMessage

smtp_port, http = int(sys.argv[1]), sys.argv[2]


def call(method, path, origin=None, headers=None):
    request = urllib.request.Request(http + path, method=method, headers=dict(headers or {}))
    if origin:
        request.add_header("Origin", origin)
    try:
        with urllib.request.urlopen(request) as response:
            body = response.read()
            return response.status, {k.lower(): v for k, v in response.headers.items()}, body
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)))
    if not ok:
        sys.exit(1)


status, _, _ = call("POST", "/api/v1/reset")
check("reset answers 204", status == 204, status)
with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
    code, _ = smtp.login("apikey", "not-a-real-key")
    check("any credentials log in", code == 235, code)
    for i in range(5):
        m = EmailMessage()
        m["From"] = "app@shop.test"
        m["To"] = "buyer%d@shop.test" % i
        m["Subject"] = "Order %d" % i
        m.set_content("Plain body of order %d" % i)
        m.add_alternative("<p>HTML body of <b>order %d</b></p>" % i, subtype="html")
        if i == 4:
            m.add_attachment(b"%PDF-1.4 invoice", maintype="application", subtype="pdf", filename="invoice.pdf")
        smtp.send_message(m)
    try:
        smtp.sendmail("app@shop.test", ["real.person@shop.test"], "Subject: refused\r\n\r\nno")
        check("the refused recipient is refused", False)
    except smtplib.SMTPRecipientsRefused as e:
        code, reply = e.recipients["real.person@shop.test"]
        check("the replayed reply names the refused recipient", b"real.person@shop.test" in reply, reply)
        check("the replayed reply no longer names the catalog's example", b"ghost@" not in reply, reply)
    # a retry after a permanent refusal: the gate must fail
    try:
        smtp.sendmail("app@shop.test", ["real.person@shop.test"], "Subject: again\r\n\r\nno")
    except smtplib.SMTPRecipientsRefused:
        pass

_, _, body = call("GET", "/api/v1/messages?limit=2")
page = json.loads(body)
check("paging: total, start, count", (page["total"], page["start"], page["count"]) == (5, 0, 2), page)
check("newest first", [m["subject"] for m in page["messages"]] == ["Order 4", "Order 3"], page)
_, _, body = call("GET", "/api/v1/messages?start=4&limit=10")
check("start skips", [m["subject"] for m in json.loads(body)["messages"]] == ["Order 0"], body)
_, _, body = call("GET", "/api/v1/messages?query=%22order%202%22")
found = json.loads(body)
check("query matches subject and body", found["total"] == 1 and found["messages"][0]["subject"] == "Order 2", found)
_, _, body = call("GET", "/api/v1/messages?query=buyer3%40shop.test")
check("query matches addresses", json.loads(body)["total"] == 1, body)
newest = page["messages"][0]["id"]
_, _, body = call("GET", "/api/v1/messages/%d" % newest)
message = json.loads(body)
check("parsed text", "Plain body of order 4" in message["text"], message)
check("parsed HTML", "<b>order 4</b>" in message["html"], message)
check("attachments", message["attachments"] == [{"name": "invoice.pdf", "type": "application/pdf", "size": 16}], message)
check("headers", any(h["name"] == "Subject" and h["value"] == "Order 4" for h in message["headers"]), message)
status, headers, raw = call("GET", "/api/v1/messages/%d/raw" % newest)
check("raw", status == 200 and b"Subject: Order 4" in raw, status)

_, _, body = call("GET", "/api/v1/rejections")
refusals = json.loads(body)
first = refusals["rejections"][-1]
check("the refusal list names the catalog entry", first["catalogId"] == "yahoo/user-unknown", first)
check("the refusal has its stage, code, status and recipient",
      (first["stage"], first["code"], first["recipient"]) == ("RCPT", 554, "real.person@shop.test"), first)
check("the refusal is classified", first["classification"]["reason"] == "userunknown", first)

status, headers, body = call("GET", "/api/v1/gate?maxBounceRate=2")
gate = json.loads(body)
check("the gate fails a run that retried after a 5xx", gate["passed"] is False and
      [c["name"] for c in gate["checks"] if not c["passed"]][0] == "no-retry-after-permanent", gate)

check("livez", call("GET", "/livez")[0] == 200)
check("readyz", call("GET", "/readyz")[0] == 200)
status, headers, _ = call("OPTIONS", "/api/v1/messages", origin="http://localhost:3000",
                          headers={"Access-Control-Request-Method": "DELETE"})
check("CORS preflight", status == 204 and "DELETE" in headers.get("access-control-allow-methods", ""), headers)
status, headers, _ = call("GET", "/api/v1/messages", origin="http://localhost:3000")
check("CORS origin", headers.get("access-control-allow-origin") == "http://localhost:3000", headers)
status, headers, _ = call("GET", "/api/v1/messages", origin="https://evil.example")
check("CORS refuses other origins", "access-control-allow-origin" not in headers, headers)
status, headers, body = call("PATCH", "/api/v1/messages")
check("405 with Allow", status == 405 and "GET" in headers.get("allow", "") and "error" in json.loads(body), headers)
status, _, body = call("GET", "/api/v1/nothing")
check("errors as JSON", status == 404 and "error" in json.loads(body), body)

_, _, body = call("GET", "/api/v1/openapi.json")
spec = json.loads(body)
check("OpenAPI 3", spec["openapi"].startswith("3."), spec.get("openapi"))
TYPES = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float), "boolean": bool}


def conforms(value, schema, where):
    """Checks a value against the subset of JSON Schema the document uses: $ref, allOf, type, nullable, required, properties, items."""
    if "$ref" in schema:
        return conforms(value, spec["components"]["schemas"][schema["$ref"].split("/")[-1]], where)
    for part in schema.get("allOf", []):
        conforms(value, part, where)
    if value is None:
        check("%s may be null" % where, schema.get("nullable", False), schema)
        return
    if "type" in schema:
        ok = isinstance(value, TYPES[schema["type"]]) and not (schema["type"] in ("integer", "number") and isinstance(value, bool))
        check("%s is %s" % (where, schema["type"]), ok, value)
    for name in schema.get("required", []):
        check("%s has %s" % (where, name), isinstance(value, dict) and name in value, value)
    for name, sub in schema.get("properties", {}).items():
        if isinstance(value, dict) and name in value:
            conforms(value[name], sub, where + "." + name)
    if "items" in schema and isinstance(value, list):
        for i, item in enumerate(value[:3]):
            conforms(item, schema["items"], "%s[%d]" % (where, i))


# leave something in every list, then check every documented GET against its schema
with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
    smtp.sendmail("app@shop.test", ["ann@shop.test"], "Subject: for the schema\r\n\r\nbody")
    try:
        smtp.sendmail("app@shop.test", ["real.person@shop.test"], "Subject: refused\r\n\r\nno")
    except smtplib.SMTPRecipientsRefused:
        pass
documented = 0
for path, item in spec["paths"].items():
    for method, operation in item.items():
        if method != "get":
            continue
        concrete = path.replace("{id}", str(newest))
        status, headers, body = call("GET", concrete)
        check("documented GET %s answers" % concrete, status == 200, status)
        content = operation["responses"]["200"].get("content", {})
        if "application/json" in content:
            conforms(json.loads(body), content["application/json"]["schema"], concrete)
        documented += 1
check("every GET of the document was called", documented >= 12, documented)
status, _, _ = call("DELETE", "/api/v1/messages/%d" % newest)
check("delete one message", status == 204 and call("GET", "/api/v1/messages/%d" % newest)[0] == 404)
rules_before = len(json.loads(call("GET", "/api/v1/rules")[2])["rules"])
status, _, _ = call("DELETE", "/api/v1/rules/1")
check("delete one rule by its position", status == 204
      and len(json.loads(call("GET", "/api/v1/rules")[2])["rules"]) == rules_before - 1, status)
status, _, body = call("DELETE", "/api/v1/rules/99")
check("no rule there is a 404", status == 404 and "no such rule: 99" in json.loads(body)["error"], body)
status, _, _ = call("DELETE", "/api/v1/transcript")
check("delete the transcript", status == 204 and json.loads(call("GET", "/api/v1/transcript")[2])["total"] == 0, status)
status, _, _ = call("DELETE", "/api/v1/rejections")
check("delete the refusals", status == 204 and json.loads(call("GET", "/api/v1/rejections")[2])["total"] == 0, status)
status, _, _ = call("POST", "/api/v1/reset")
_, _, body = call("GET", "/api/v1/messages")
_, _, rbody = call("GET", "/api/v1/rejections")
check("reset forgets messages and refusals", json.loads(body)["total"] == 0 and json.loads(rbody)["total"] == 0)
print("all checks passed")
