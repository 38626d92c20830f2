#!/usr/bin/env python3
"""Writes Runpack's corpus of bad inputs: malformed runpack_export requests (run through the
Lambda function) and hostile runpacks (run through the runpack jar). Each case states what must
happen; the expectations are written here from the contract, not recorded from Runpack's output.

Run from the repository root:  python3 corpus/generate.py   (the outputs are committed; add cases
here and regenerate to grow the corpus)."""
import json, os, shutil

ROOT = os.path.dirname(os.path.abspath(__file__))
REQ_DIR = os.path.join(ROOT, "requests")
RP_DIR = os.path.join(ROOT, "runpacks")

BASE = {"generated_at": {"kind": "logical", "value": 10}, "include_verification": True,
        "manifest_name": "manifest.json", "namespace_id": 1, "output_dir": None,
        "run_id": "run-1", "scenario_id": "golden-time-after", "tenant_id": 1}
SCHEMA = "invalid_request: request does not match the runpack_export input schema: "

requests = []  # (name, bytes, errorType, message prefix)

# The function's Lambda error type of each code (docs: ErrorCode.lambdaErrorType).
ERROR_TYPES = {"invalid_request": "runpack.InvalidRequest", "invalid_json": "runpack.InvalidJson",
               "limit_exceeded": "runpack.LimitExceeded", "run_not_found": "runpack.RunNotFound"}

def req(name, body, prefix):
    error_type = ERROR_TYPES[prefix.split(":")[0]]
    if isinstance(body, (dict, list)) or body is None or isinstance(body, (int, float, bool)):
        body = json.dumps(body, ensure_ascii=False)
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    requests.append((name, body, error_type, prefix))

def with_(**changes):
    r = dict(BASE)
    r.update(changes)
    return r

def without(field):
    return {k: v for k, v in BASE.items() if k != field}

base_text = json.dumps(BASE)

# A. each required field missing
for f in ["scenario_id", "tenant_id", "namespace_id", "run_id", "generated_at", "include_verification"]:
    req("missing-" + f, without(f), SCHEMA + "$: required property '%s' not found" % f)

# B. members the contract does not have
for i, key in enumerate(["extra", "TENANT_ID", "tenantId", "security", "storage_uri", "manifest", "report",
                         "anchor_policy", "__proto__", "constructor", "", " ", "tenant_id ", "é", "😀",
                         "output_dir2", "Generated_At", "$schema", "include_verification\t", "run"]):
    r = dict(BASE); r[key] = True
    req("extra-member-%02d" % i, r, SCHEMA + "$: property '")

# C. wrong types
wrong = {"string": "1", "float": 1.5, "bool": True, "null": None, "array": [], "object": {}}
for field in ["tenant_id", "namespace_id"]:
    for label, value in wrong.items():
        req("type-%s-%s" % (field, label), with_(**{field: value}), SCHEMA + "$." + field + ": ")
for field in ["scenario_id", "run_id"]:
    for label, value in {"integer": 1, "float": 1.5, "bool": True, "null": None, "array": [], "object": {}}.items():
        req("type-%s-%s" % (field, label), with_(**{field: value}), SCHEMA + "$." + field + ": ")
for label, value in {"string": "true", "integer": 1, "zero": 0, "null": None, "array": [], "object": {}}.items():
    req("type-include_verification-" + label, with_(include_verification=value), SCHEMA + "$.include_verification: ")
for label, value in {"string": "10", "integer": 10, "bool": True, "null": None, "array": [10], "empty-object": {}}.items():
    req("type-generated_at-" + label, with_(generated_at=value), SCHEMA + "$.generated_at")
for field in ["manifest_name", "output_dir"]:
    for label, value in {"integer": 1, "bool": False, "array": ["m"], "object": {"a": 1}}.items():
        req("type-%s-%s" % (field, label), with_(**{field: value}), SCHEMA + "$." + field)

# D. values out of range
for field in ["tenant_id", "namespace_id"]:
    for label, value in {"zero": 0, "minus-one": -1, "min-i64": -9223372036854775808}.items():
        req("range-%s-%s" % (field, label), with_(**{field: value}), SCHEMA + "$.%s: must have a minimum value of 1" % field)
    req("range-%s-over-u64" % field, base_text.replace('"%s": 1' % field, '"%s": 18446744073709551616' % field),
        "invalid_request: request.%s must be an unsigned 64-bit integer, not 18446744073709551616" % field)
    req("range-%s-decimal" % field, base_text.replace('"%s": 1' % field, '"%s": 1.0' % field),
        "invalid_request: request.%s must be an integer, not number 1.0" % field)

# E. generated_at variants
ga = [("kind-unknown", {"kind": "wall", "value": 1}), ("kind-upper", {"kind": "LOGICAL", "value": 1}),
      ("kind-empty", {"kind": "", "value": 1}), ("logical-negative", {"kind": "logical", "value": -1}),
      ("millis-float", {"kind": "unix_millis", "value": 1.5}), ("extra-member", {"kind": "logical", "value": 1, "tz": "Z"}),
      ("no-value", {"kind": "logical"}), ("no-kind", {"value": 1}), ("value-string", {"kind": "logical", "value": "1"}),
      ("value-null", {"kind": "unix_millis", "value": None})]
for label, value in ga:
    req("generated_at-" + label, with_(generated_at=value), SCHEMA + "$.generated_at")
req("generated_at-logical-over-u64", base_text.replace('"value": 10', '"value": 18446744073709551616'),
    "invalid_request: request.generated_at.value must be an unsigned 64-bit integer")
req("generated_at-millis-over-i64", base_text.replace('"kind": "logical", "value": 10', '"kind": "unix_millis", "value": 9223372036854775808'),
    "invalid_request: request.generated_at.value must be a signed 64-bit integer")

# F. identifiers that cannot be a key segment
ids = [("traversal", "../x", "contains a slash"), ("slash", "a/b", "contains a slash"), ("backslash", "a\\b", "contains a backslash"),
       ("dotdot", "..", 'has a ".." component'), ("dot", ".", 'has a "." component'), ("empty", "", "has an empty component"),
       ("nul", "a\u0000b", "contains a NUL character"), ("long", "r" * 256, "has a component longer than 255 bytes"),
       ("long-utf8", "é" * 128, "has a component longer than 255 bytes"), ("lone-surrogate", None, "is not well-formed Unicode")]
for field in ["run_id", "scenario_id"]:
    for label, value, problem in ids:
        if value is None:
            body = base_text.replace('"%s": "%s"' % (field, BASE[field]), '"%s": "x\\ud800"' % field)
        else:
            body = with_(**{field: value})
        req("identifier-%s-%s" % (field, label), body, "invalid_request: %s \"" % field)

# G. manifest names that could escape or collide
names = [("parent", "../m.json"), ("deep-parent", "a/../../m.json"), ("absolute", "/etc/m.json"), ("backslash", "a\\m.json"),
         ("empty", ""), ("dot", "."), ("dotdot", ".."), ("double-slash", "a//b.json"), ("trailing-slash", "a/"),
         ("long-component", "m" * 256), ("long-path", ("d" * 200 + "/") * 21), ("nul", "m\u0000.json")]
for label, value in names:
    req("manifest_name-" + label, with_(manifest_name=value), "invalid_request: invalid runpack path \"")
for label, value in [("artifact", "artifacts/triggers.json"), ("report", "artifacts/verifier_report.json"),
                     ("directory", "artifacts"), ("below-artifact", "artifacts/decisions.json/m.json")]:
    req("manifest_name-collides-" + label, with_(manifest_name=value), "invalid_request: manifest_name ")

# H. malformed JSON
for cut in [1, 5, 20, 40, 60, 80, 100, 150, 200, len(base_text) - 1]:
    req("truncated-at-%03d" % cut, base_text[:cut], "invalid_json: ")
malformed = {
    "trailing-comma": base_text[:-1] + ",}", "comment": "/* c */" + base_text, "single-quotes": base_text.replace('"', "'"),
    "nan": base_text.replace('"tenant_id": 1', '"tenant_id": NaN'), "infinity": base_text.replace('"tenant_id": 1', '"tenant_id": Infinity'),
    "unquoted-key": base_text.replace('"tenant_id"', "tenant_id"), "leading-zero": base_text.replace('"tenant_id": 1', '"tenant_id": 01'),
    "plus-sign": base_text.replace('"tenant_id": 1', '"tenant_id": +1'), "trailing-garbage": base_text + " x",
    "two-documents": base_text + base_text, "empty": "", "whitespace": "   \n ", "raw-control-char": base_text.replace("run-1", "run\u00011"),
    "duplicate-tenant": base_text.replace('"tenant_id": 1', '"tenant_id": 1, "tenant_id": 2'),
    "duplicate-run": base_text.replace('"run_id": "run-1"', '"run_id": "run-1", "run_id": "run-2"'),
    "duplicate-nested": base_text.replace('"kind": "logical"', '"kind": "logical", "kind": "logical"'),
    "hex-number": base_text.replace('"tenant_id": 1', '"tenant_id": 0x1'), "bare-word": "tenant_id", "unterminated-string": '{"run_id": "run-1',
    "missing-colon": base_text.replace('"tenant_id": 1', '"tenant_id" 1'), "missing-comma": base_text.replace('"tenant_id": 1', '"tenant_id": 1 "x": 2'),
    "bad-escape": base_text.replace("run-1", "run\\q1"), "short-unicode-escape": base_text.replace("run-1", "run\\u12"),
    "dot-number": base_text.replace('"tenant_id": 1', '"tenant_id": .5'), "exponent-without-digits": base_text.replace('"tenant_id": 1', '"tenant_id": 1e'),
}
for label, text in malformed.items():
    req("malformed-" + label, text, "invalid_json: ")
invalid_utf8 = base_text.encode().replace(b"run-1", b"run-\xc3\x28")
req("malformed-invalid-utf8", invalid_utf8, "invalid_json: ")
req("malformed-overlong-utf8", base_text.encode().replace(b"run-1", b"run-\xc0\xaf"), "invalid_json: ")
req("limit-deep-nesting", base_text[:-1] + ', "deep": ' + "[" * 200 + "]" * 200 + "}", "limit_exceeded: JSON nesting deeper than the limit of 128")
req("limit-long-number", base_text.replace('"tenant_id": 1', '"tenant_id": 1' + "0" * 1200), "limit_exceeded: ")
req("limit-body-over-64k", with_(run_id="r" * 70000), "limit_exceeded: request exceeds the limit of 65536 bytes")

# I. integers written as decimals or with exponents: valid JSON Schema integers, refused by the domain
for field in ["tenant_id", "namespace_id"]:
    for label, lexeme in [("exponent", "1e0"), ("exponent-upper", "1E2"), ("negative-exponent", "10E-1"), ("scaled", "100e-2")]:
        req("lexeme-%s-%s" % (field, label), base_text.replace('"%s": 1' % field, '"%s": %s' % (field, lexeme)),
            "invalid_request: ")
for cut in [2, 10, 30, 50, 70, 90, 120, 170, 190, 210]:
    req("truncated-more-at-%03d" % cut, base_text[:cut], "invalid_json: ")
for label, text in [("nul-outside-string", base_text.replace(", ", ",\u0000", 1).replace("\\u0000", "\u0000")),
                    ("array-of-requests", "[" + base_text + "," + base_text + "]"),
                    ("utf16", None), ("request-in-string", json.dumps(base_text)), ("object-in-array-key", base_text.replace('"tenant_id"', '["tenant_id"]'))]:
    if text is None:
        req("encoding-" + label, base_text.encode("utf-16"), "invalid_json: ")
    elif label in ("array-of-requests", "request-in-string"):
        req("malformed-more-" + label, text, SCHEMA + "$: ")
    else:
        req("malformed-more-" + label, text, "invalid_json: ")

# J. not an object
for label, value in [("array", "[]"), ("string", '"request"'), ("number", "1"), ("true", "true"), ("null", "null"), ("nested-array", "[" + base_text + "]")]:
    req("not-an-object-" + label, value, SCHEMA + "$: ")

# K. well-formed requests for runs that are not there
for label, changes in [("unknown-run", {"run_id": "run-404"}), ("case-differs", {"run_id": "RUN-1"}), ("trailing-space", {"run_id": "run-1 "}),
                       ("other-tenant", {"tenant_id": 2}), ("other-namespace", {"namespace_id": 2}), ("max-tenant", None),
                       ("unicode-run", {"run_id": "run-１"}), ("emoji-run", {"run_id": "run-😀"})]:
    if changes is None:
        body = base_text.replace('"tenant_id": 1', '"tenant_id": 18446744073709551615')
    else:
        body = with_(**changes)
    req("not-found-" + label, body, "run_not_found: no run for ")
req("not-found-other-scenario", with_(scenario_id="golden-visibility"), "run_not_found: no run tenant 1, namespace 1, run run-1 in scenario golden-visibility")

# ---- hostile runpacks ---------------------------------------------------------------------------
runpacks = []  # (name, descriptor)
ARTIFACTS = ["artifacts/scenario_spec.json", "artifacts/triggers.json", "artifacts/gate_evals.json", "artifacts/decisions.json",
             "artifacts/packets.json", "artifacts/submissions.json", "artifacts/tool_calls.json", "artifacts/verifier_report.json"]
BASES = {"after": "golden/golden_time_after_pass", "visibility": "golden/golden_visibility_packet", "backcompat": "backcompat/v1"}

def rp(name, base, ops, expect, description):
    runpacks.append((name, {"description": description, "base": BASES[base], "ops": ops, "expect": expect}))

def fails(*errors, checked=None):
    e = {"exit": 1, "status": "fail", "errors_include": list(errors)}
    if checked is not None:
        e["checked_files"] = checked
    return e

def refused(code, prefix):
    return {"exit": 3, "code": code, "message_prefix": prefix}

for b in ["after", "visibility", "backcompat"]:
    for path in ARTIFACTS:
        for where, offset in [("first", 0), ("middle", "middle"), ("last", -1)]:
            rp("flip-%s-%s-%s" % (b, path.split("/")[1].split(".")[0], where), b, [{"op": "flip", "path": path, "offset": offset}],
               fails("hash mismatch for " + path, checked=8), "one byte of %s changed (%s)" % (path, where))
for b in ["after", "visibility"]:
    for path in ARTIFACTS:
        rp("truncate-empty-%s-%s" % (b, path.split("/")[1].split(".")[0]), b, [{"op": "truncate", "path": path, "length": 0}],
           fails("hash mismatch for " + path, checked=8), path + " emptied")
        rp("truncate-half-%s-%s" % (b, path.split("/")[1].split(".")[0]), b, [{"op": "truncate", "path": path, "length": "half"}],
           fails("hash mismatch for " + path, checked=8), path + " cut in half")
        rp("extend-%s-%s" % (b, path.split("/")[1].split(".")[0]), b, [{"op": "append", "path": path, "text": "\n"}],
           fails("hash mismatch for " + path, checked=8), path + " with a trailing newline")
        rp("delete-%s-%s" % (b, path.split("/")[1].split(".")[0]), b, [{"op": "delete", "path": path}],
           fails("artifact read failed for %s: no such file" % path, checked=7), path + " missing")
for b in ["after", "visibility"]:
    for label, bad, problem in [("parent", "../outside.json", 'unsafe path: has a ".." component'),
                                ("absolute", "/etc/hostname", "unsafe path: must be relative"),
                                ("backslash", "artifacts\\\\packets.json", "unsafe path: contains a backslash"),
                                ("inner-parent", "artifacts/../manifest.json", 'unsafe path: has a ".." component'),
                                ("empty", "", "unsafe path: must not be empty"),
                                ("double-slash", "artifacts//packets.json", "unsafe path: has an empty component"),
                                ("long", "a" * 256, "unsafe path: has a component longer than 255 bytes")]:
        shown = bad.replace("\\\\", "\\")
        rp("hostile-path-%s-%s" % (b, label), b,
           [{"op": "replace", "path": "manifest.json", "from": '"path":"artifacts/packets.json"}', "to": '"path":"%s"}' % bad}],
           fails("artifact read failed for %s: %s" % (shown, problem), "root hash mismatch", checked=7),
           "a file-hash entry that points outside the runpack (%s)" % label)
for b in ["after", "visibility"]:
    rp("symlink-file-outside-" + b, b, [{"op": "delete", "path": "artifacts/triggers.json"},
                                         {"op": "symlink", "path": "artifacts/triggers.json", "target": "$OUTSIDE/triggers.json"}],
       fails("artifact read failed for artifacts/triggers.json: path artifacts/triggers.json leads outside the runpack root through a symbolic link", checked=7),
       "an artifact replaced by a link to a file outside the runpack")
    rp("symlink-dangling-" + b, b, [{"op": "delete", "path": "artifacts/packets.json"},
                                     {"op": "symlink", "path": "artifacts/packets.json", "target": "/nonexistent/packets.json"}],
       fails("artifact read failed for artifacts/packets.json: path artifacts/packets.json leads outside the runpack root through a symbolic link", checked=7),
       "an artifact replaced by a dangling link")
    rp("symlink-inside-" + b, b, [{"op": "delete", "path": "artifacts/packets.json"},
                                   {"op": "symlink", "path": "artifacts/packets.json", "target": "tool_calls.json"}],
       fails("hash mismatch for artifacts/packets.json", checked=8), "an artifact replaced by a link to another artifact")
rp("oversized-artifact", "after", [{"op": "sparse", "path": "artifacts/triggers.json", "size": 16777217}],
   fails("artifact read failed for artifacts/triggers.json: larger than the limit of 16777216 bytes", checked=7), "an artifact one byte over 16 MiB")
rp("oversized-artifact-huge", "visibility", [{"op": "sparse", "path": "artifacts/gate_evals.json", "size": 4294967296}],
   fails("artifact read failed for artifacts/gate_evals.json: larger than the limit of 16777216 bytes", checked=7), "a 4 GiB (sparse) artifact")
rp("oversized-decisions", "after", [{"op": "sparse", "path": "artifacts/decisions.json", "size": 16777217}],
   fails("artifact read failed for artifacts/decisions.json: larger than the limit of 16777216 bytes",
         "decision log read failed: larger than the limit of 16777216 bytes", checked=7), "a decision log over 16 MiB")
rp("oversized-manifest", "after", [{"op": "sparse", "path": "manifest.json", "size": 16777217}],
   refused("invalid_manifest", "cannot read manifest manifest.json: larger than the limit of 16777216 bytes"), "a manifest over 16 MiB")
rp("missing-manifest", "after", [{"op": "delete", "path": "manifest.json"}],
   refused("invalid_manifest", "cannot read manifest manifest.json: no such file"), "no manifest")
for label, text in [("empty", ""), ("array", "[]"), ("null", "null"), ("string", '"v1"'), ("truncated", None), ("garbage", "manifest"),
                    ("deep", "[" * 300 + "]" * 300)]:
    op = {"op": "truncate", "path": "manifest.json", "length": "half"} if text is None else {"op": "write", "path": "manifest.json", "text": text}
    rp("manifest-not-json-" + label, "after", [op], refused("invalid_manifest", "manifest must be an object" if label in ("array", "null", "string") else "cannot read manifest manifest.json: "),
       "a manifest that is not a JSON object (%s)" % label)
for member in ["manifest_version", "generated_at", "tenant_id", "namespace_id", "scenario_id", "run_id", "spec_hash", "hash_algorithm",
               "verifier_mode", "integrity", "artifacts"]:
    rp("manifest-missing-" + member, "visibility", [{"op": "drop_member", "path": "manifest.json", "member": member}],
       refused("invalid_manifest", "manifest." + member + " is missing"),
       "manifest without " + member)
edits = [("duplicate-key", '"run_id":"run-2"', '"run_id":"run-2","run_id":"run-9"', "cannot read manifest manifest.json: duplicate key \"run_id\""),
         ("unknown-member", '"hash_algorithm":"sha256"', '"hash_algorithm":"sha256","signature":"x"', 'manifest has unknown member "signature"'),
         ("hash-algorithm-md5", '"hash_algorithm":"sha256"', '"hash_algorithm":"md5"', 'manifest.hash_algorithm must be "sha256"'),
         ("verifier-mode", '"verifier_mode":"offline_strict"', '"verifier_mode":"trust_me"', "manifest.verifier_mode is not a known mode"),
         ("tenant-string", '"tenant_id":1', '"tenant_id":"1"', "manifest.tenant_id must be an integer"),
         ("tenant-zero", '"tenant_id":1', '"tenant_id":0', "manifest.tenant_id must be at least 1"),
         ("namespace-negative", '"namespace_id":1', '"namespace_id":-1', "manifest.namespace_id must be an unsigned 64-bit integer"),
         ("artifacts-object", '"artifacts":[', '"artifacts":{"x":[', "cannot read manifest"),
         ("generated-kind", '"generated_at":{"kind":"logical"', '"generated_at":{"kind":"wall"', "manifest.generated_at.kind must be"),
         ("entry-algorithm", '"file_hashes":[{"hash":{"algorithm":"sha256"', '"file_hashes":[{"hash":{"algorithm":"sha1"', "manifest.integrity.file_hashes[0].hash.algorithm must be"),
         ("artifact-kind", '"kind":"scenario_spec"', '"kind":"malware"', "manifest.artifacts[0].kind is not a known artifact kind"),
         ("entry-without-path", '"path":"artifacts/scenario_spec.json"}', '"where":"artifacts/scenario_spec.json"}', "manifest.integrity.file_hashes[0] has unknown member")]
for label, frm, to, prefix in edits:
    rp("manifest-" + label, "visibility", [{"op": "replace", "path": "manifest.json", "from": frm, "to": to}],
       refused("invalid_manifest", prefix), "manifest " + label)
for label, version in [("v2", "v2"), ("v0", "v0"), ("upper", "V1"), ("empty", "")]:
    rp("manifest-version-" + label, "after", [{"op": "replace", "path": "manifest.json", "from": '"manifest_version":"v1"', "to": '"manifest_version":"%s"' % version}],
       {"exit": 1, "status": "fail", "errors_exactly": ["unsupported manifest version: " + version], "checked_files": 0}, "manifest version " + version)
for b in ["after", "visibility"]:
    rp("root-hash-changed-" + b, b, [{"op": "replace_in_integrity", "which": "root", "digit": 0}], fails("root hash mismatch", checked=8), "root hash changed")
    rp("file-hash-changed-" + b, b, [{"op": "replace_in_integrity", "which": 1, "digit": 5}],
       fails("hash mismatch for artifacts/triggers.json", "root hash mismatch", checked=8), "a file-hash entry changed")
rp("forged-duplicate-decision", "visibility", [{"op": "replace", "path": "artifacts/decisions.json", "from": '"trigger-1"', "to": '"init"'}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_exactly": ["duplicate decision for trigger init"], "checked_files": 8},
   "two decisions for one trigger, every hash recomputed")
rp("forged-decisions-not-array", "after", [{"op": "write", "path": "artifacts/decisions.json", "text": '{"trigger_id":"x"}'}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_exactly": ["invalid decision log: expected an array of decision records, not object"], "checked_files": 8},
   "a decision log that is an object, every hash recomputed")
rp("forged-decision-without-trigger", "after", [{"op": "write", "path": "artifacts/decisions.json", "text": '[{"seq":1}]'}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_exactly": ["invalid decision log: decision record 0 has no string trigger_id"], "checked_files": 8},
   "a decision without trigger_id, every hash recomputed")
rp("forged-decisions-not-json", "after", [{"op": "write", "path": "artifacts/decisions.json", "text": '[{"trigger_id":'}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_include_prefix": ["invalid decision log: "], "checked_files": 8},
   "a decision log that is not JSON, every hash recomputed")

# ---- issue 12: hostile inputs of the read side (verification) and portable paths ------------------
for label, value in [("drive", "C:/m.json"), ("drive-only", "C:"), ("colon-first", "a:b/m.json")]:
    req("manifest_name-" + label, with_(manifest_name=value), "invalid_request: invalid runpack path \"")
for label, value in [("upper-case", "ARTIFACTS/DECISIONS.JSON"), ("mixed-case-directory", "Artifacts"),
                     ("long-s", "artifacts/deci\u017fions.json"), ("upper-case-report", "artifacts/Verifier_Report.json")]:
    req("manifest_name-collides-" + label, with_(manifest_name=value), "invalid_request: manifest_name ")
req("malformed-byte-order-mark", b"\xef\xbb\xbf" + base_text.encode(), "invalid_json: byte order mark")

BOM_REFUSED = "byte order mark (U+FEFF) before the JSON text at byte 0"
rp("bom-manifest", "after", [{"op": "prepend", "path": "manifest.json", "text": "\ufeff"}],
   refused("invalid_manifest", "cannot read manifest manifest.json: " + BOM_REFUSED), "a byte order mark before the manifest")
rp("bom-decisions", "visibility", [{"op": "prepend", "path": "artifacts/decisions.json", "text": "\ufeff"}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_exactly": ["invalid decision log: " + BOM_REFUSED], "checked_files": 8},
   "a byte order mark before the decision log, every hash recomputed")
for field in ["run_id", "scenario_id"]:
    old = {"run_id": '"run_id":"run-1"', "scenario_id": '"scenario_id":"golden-time-after"'}[field]
    rp("manifest-%s-lone-surrogate" % field, "after", [{"op": "replace", "path": "manifest.json", "from": old, "to": '"%s":"\\udc00"' % field}],
       refused("invalid_manifest", "manifest.%s is not well-formed Unicode (lone surrogate)" % field), "a lone surrogate as " + field)
for b in ["after", "visibility"]:
    rp("hostile-path-%s-lone-surrogate" % b, b,
       [{"op": "replace", "path": "manifest.json", "from": '"path":"artifacts/packets.json"}', "to": '"path":"artifacts/\\udc00.json"}'}],
       fails("artifact read failed for artifacts/\ufffd.json: unsafe path: is not well-formed Unicode (lone surrogate)", "root hash mismatch", checked=7),
       "a file-hash path with a lone surrogate: a failing report, well-formed")
    for label, bad in [("drive", "C:/packets.json"), ("drive-only", "C:"), ("colon-first", "artifacts:x/packets.json")]:
        rp("hostile-path-%s-%s" % (b, label), b,
           [{"op": "replace", "path": "manifest.json", "from": '"path":"artifacts/packets.json"}', "to": '"path":"%s"}' % bad}],
           fails("artifact read failed for %s: unsafe path: has a ':' in its first component (a drive on Windows)" % bad, "root hash mismatch", checked=7),
           "a file-hash path that is absolute on Windows (%s)" % label)
    rp("special-fifo-" + b, b, [{"op": "delete", "path": "artifacts/triggers.json"}, {"op": "mkfifo", "path": "artifacts/triggers.json"}],
       fails("artifact read failed for artifacts/triggers.json: not a regular file", checked=7), "an artifact replaced by a FIFO: refused, not opened")
    rp("special-directory-" + b, b, [{"op": "delete", "path": "artifacts/packets.json"}, {"op": "mkdir", "path": "artifacts/packets.json"}],
       fails("artifact read failed for artifacts/packets.json: not a regular file", checked=7), "an artifact replaced by a directory")
    rp("symlink-loop-" + b, b, [{"op": "delete", "path": "artifacts/packets.json"},
                                 {"op": "symlink", "path": "artifacts/packets.json", "target": "packets.json"}],
       fails("artifact read failed for artifacts/packets.json: path artifacts/packets.json passes through too many symbolic links", checked=7),
       "an artifact replaced by a link to itself")
    rp("symlink-through-directory-" + b, b, [{"op": "symlink", "path": "same", "target": "artifacts"},
                                              {"op": "replace", "path": "manifest.json", "from": '"path":"artifacts/packets.json"}', "to": '"path":"same/packets.json"}'}],
       fails("root hash mismatch", checked=8), "a file-hash path through a link to a directory inside the runpack: followed")
rp("special-fifo-decisions", "after", [{"op": "delete", "path": "artifacts/decisions.json"}, {"op": "mkfifo", "path": "artifacts/decisions.json"}],
   fails("artifact read failed for artifacts/decisions.json: not a regular file", "decision log read failed: not a regular file", checked=7),
   "the decision log replaced by a FIFO")
rp("forged-decisions-zeros", "after", [{"op": "write", "path": "artifacts/decisions.json", "text": "[" + ",".join(["0"] * 1000) + "]"}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_exactly": ["invalid decision log: decision record 0 has no string trigger_id"], "checked_files": 8},
   "a decision log of numbers, every hash recomputed: judged as a stream")
rp("forged-decisions-lone-surrogate", "after", [{"op": "write", "path": "artifacts/decisions.json", "text": '[{"trigger_id":"\\ud800"}]'}, {"op": "rehash"}],
   {"exit": 1, "status": "fail", "errors_exactly": ["invalid decision log: string contains a lone surrogate U+D800 at byte 16"], "checked_files": 8},
   "a decision log with a lone surrogate, every hash recomputed")
rp("repeated-file-hash", "visibility", [{"op": "repeat_file_hash", "which": 1, "times": 1000}],
   {"exit": 0, "status": "pass", "checked_files": 1008}, "one file-hash entry listed a thousand more times, root hash recomputed: read once, passes")
rp("repeated-file-hash-tampered", "visibility", [{"op": "repeat_file_hash", "which": 1, "times": 1000}, {"op": "append", "path": "artifacts/triggers.json", "text": " "}],
   {"exit": 1, "status": "fail", "checked_files": 1008, "errors_include": ["hash mismatch for artifacts/triggers.json"]},
   "a tampered file listed a thousand more times: a mismatch per entry")

# ---- control and line-breaking characters in paths and identifiers (SECURITY I7) -------------------
for label, ch in [("newline", "\n"), ("carriage-return", "\r"), ("next-line", "\u0085"), ("line-separator", "\u2028")]:
    req("manifest_name-control-" + label, with_(manifest_name="m" + ch + ".json"),
        "invalid_request: invalid runpack path \"m?.json\": contains a control character (U+%04X)" % ord(ch))
    for field in ["run_id", "scenario_id"]:
        req("identifier-%s-control-%s" % (field, label), with_(**{field: "r" + ch}), "invalid_request: %s \"" % field)
for b in ["after", "visibility"]:
    rp("hostile-path-%s-newline" % b, b,
       [{"op": "replace", "path": "manifest.json", "from": '"path":"artifacts/packets.json"}', "to": '"path":"artifacts/\\n.json"}'}],
       fails("artifact read failed for artifacts/\n.json: unsafe path: contains a control character (U+000A)", "root hash mismatch", checked=7),
       "a file-hash path with a newline in it: refused; the report quotes the path as the manifest has it (JSON escapes it)")

def main():
    for d in (REQ_DIR, RP_DIR):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    names = set()
    with open(os.path.join(REQ_DIR, "expectations.tsv"), "w", encoding="utf-8") as tsv:
        tsv.write("# case\terrorType\terrorMessage prefix (after the error code)\n")
        for i, (name, body, error_type, prefix) in enumerate(requests):
            case = "%03d-%s" % (i + 1, name)
            assert case not in names
            names.add(case)
            with open(os.path.join(REQ_DIR, case + ".req"), "wb") as f:
                f.write(body)
            tsv.write("%s\t%s\t%s\n" % (case, error_type, json.dumps(prefix, ensure_ascii=False)))
    for i, (name, descriptor) in enumerate(runpacks):
        with open(os.path.join(RP_DIR, "%03d-%s.json" % (i + 1, name)), "w", encoding="utf-8") as f:
            json.dump(descriptor, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("%d requests, %d runpacks" % (len(requests), len(runpacks)))

main()
