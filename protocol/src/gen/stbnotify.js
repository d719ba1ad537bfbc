/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const stbnotify = $root.stbnotify = (() => {

    const stbnotify = {};

    stbnotify.v1 = (function() {

        const v1 = {};

        v1.SignedEnvelope = (function() {

            const SignedEnvelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SignedEnvelope.prototype.header = $util.newBuffer([]);
            SignedEnvelope.prototype.payload = $util.newBuffer([]);
            SignedEnvelope.prototype.signature = $util.newBuffer([]);

            SignedEnvelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header") && message.header.length)
                    writer.uint32(10).bytes(message.header);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(18).bytes(message.payload);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(26).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SignedEnvelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.SignedEnvelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.header = value;
                            else
                                delete message.header;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SignedEnvelope;
        })();

        v1.PartyKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PARTY_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PARTY_KIND_HEADEND"] = 1;
            values[valuesById[2] = "PARTY_KIND_BOX"] = 2;
            values[valuesById[3] = "PARTY_KIND_ZONE"] = 3;
            values[valuesById[4] = "PARTY_KIND_ALL"] = 4;
            return values;
        })();

        v1.Party = (function() {

            const Party = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Party.prototype.kind = 0;
            Party.prototype.id = "";

            Party.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(8).int32(message.kind);
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(18).string(message.id);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Party.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Party();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Party;
        })();

        v1.EnvelopeHeader = (function() {

            const EnvelopeHeader = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            EnvelopeHeader.prototype.schemaVersion = 0;
            EnvelopeHeader.prototype.messageId = "";
            EnvelopeHeader.prototype.sender = null;
            EnvelopeHeader.prototype.recipient = null;
            EnvelopeHeader.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            EnvelopeHeader.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            EnvelopeHeader.prototype.keyId = "";

            EnvelopeHeader.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(8).uint32(message.schemaVersion);
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(18).string(message.messageId);
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    $root.stbnotify.v1.Party.encode(message.sender, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.recipient != null && $Object.hasOwnProperty.call(message, "recipient"))
                    $root.stbnotify.v1.Party.encode(message.recipient, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                    writer.uint32(40).int64(message.issuedAtMs);
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(48).int64(message.expiresAtMs);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(58).string(message.keyId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            EnvelopeHeader.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.EnvelopeHeader();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.sender = $root.stbnotify.v1.Party.decode(reader, reader.size(), $undefined, _depth + 1, message.sender);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.recipient = $root.stbnotify.v1.Party.decode(reader, reader.size(), $undefined, _depth + 1, message.recipient);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.issuedAtMs = value;
                            else
                                delete message.issuedAtMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return EnvelopeHeader;
        })();

        v1.Downlink = (function() {

            const Downlink = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Downlink.prototype.notice = null;
            Downlink.prototype.withdrawal = null;
            Downlink.prototype.diagnosticsRequest = null;
            Downlink.prototype.trustedKeys = null;
            Downlink.prototype.helloAnswer = null;

            let $oneOfFields;

            $Object.defineProperty(Downlink.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["notice", "withdrawal", "diagnosticsRequest", "trustedKeys", "helloAnswer"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Downlink.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.notice != null && $Object.hasOwnProperty.call(message, "notice"))
                    $root.stbnotify.v1.Notice.encode(message.notice, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.withdrawal != null && $Object.hasOwnProperty.call(message, "withdrawal"))
                    $root.stbnotify.v1.Withdrawal.encode(message.withdrawal, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.diagnosticsRequest != null && $Object.hasOwnProperty.call(message, "diagnosticsRequest"))
                    $root.stbnotify.v1.DiagnosticsRequest.encode(message.diagnosticsRequest, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.trustedKeys != null && $Object.hasOwnProperty.call(message, "trustedKeys"))
                    $root.stbnotify.v1.TrustedKeys.encode(message.trustedKeys, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.helloAnswer != null && $Object.hasOwnProperty.call(message, "helloAnswer"))
                    $root.stbnotify.v1.HelloAnswer.encode(message.helloAnswer, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Downlink.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Downlink();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.notice = $root.stbnotify.v1.Notice.decode(reader, reader.size(), $undefined, _depth + 1, message.notice);
                            message.body = "notice";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.withdrawal = $root.stbnotify.v1.Withdrawal.decode(reader, reader.size(), $undefined, _depth + 1, message.withdrawal);
                            message.body = "withdrawal";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.diagnosticsRequest = $root.stbnotify.v1.DiagnosticsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.diagnosticsRequest);
                            message.body = "diagnosticsRequest";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.trustedKeys = $root.stbnotify.v1.TrustedKeys.decode(reader, reader.size(), $undefined, _depth + 1, message.trustedKeys);
                            message.body = "trustedKeys";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.helloAnswer = $root.stbnotify.v1.HelloAnswer.decode(reader, reader.size(), $undefined, _depth + 1, message.helloAnswer);
                            message.body = "helloAnswer";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Downlink;
        })();

        v1.NoticeKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NOTICE_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NOTICE_KIND_FEE_DUE"] = 1;
            values[valuesById[2] = "NOTICE_KIND_SUSPENSION_WARNING"] = 2;
            values[valuesById[3] = "NOTICE_KIND_SUSPENDED"] = 3;
            values[valuesById[4] = "NOTICE_KIND_RESTORED"] = 4;
            values[valuesById[5] = "NOTICE_KIND_MAINTENANCE"] = 5;
            values[valuesById[6] = "NOTICE_KIND_OUTAGE"] = 6;
            values[valuesById[7] = "NOTICE_KIND_ANNOUNCEMENT"] = 7;
            values[valuesById[8] = "NOTICE_KIND_TICKET_UPDATE"] = 8;
            values[valuesById[9] = "NOTICE_KIND_SURVEY_REQUEST"] = 9;
            return values;
        })();

        v1.DisplayMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DISPLAY_MODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DISPLAY_MODE_MAILBOX"] = 1;
            values[valuesById[2] = "DISPLAY_MODE_BANNER"] = 2;
            values[valuesById[3] = "DISPLAY_MODE_FULLSCREEN"] = 3;
            return values;
        })();

        v1.Priority = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PRIORITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PRIORITY_LOW"] = 1;
            values[valuesById[2] = "PRIORITY_NORMAL"] = 2;
            values[valuesById[3] = "PRIORITY_HIGH"] = 3;
            values[valuesById[4] = "PRIORITY_URGENT"] = 4;
            return values;
        })();

        v1.LocalizedText = (function() {

            const LocalizedText = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            LocalizedText.prototype.lang = "";
            LocalizedText.prototype.title = "";
            LocalizedText.prototype.body = "";

            LocalizedText.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.lang != null && $Object.hasOwnProperty.call(message, "lang") && message.lang !== "")
                    writer.uint32(10).string(message.lang);
                if (message.title != null && $Object.hasOwnProperty.call(message, "title") && message.title !== "")
                    writer.uint32(18).string(message.title);
                if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body !== "")
                    writer.uint32(26).string(message.body);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            LocalizedText.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.LocalizedText();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lang = value;
                            else
                                delete message.lang;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.title = value;
                            else
                                delete message.title;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.body = value;
                            else
                                delete message.body;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LocalizedText;
        })();

        v1.Notice = (function() {

            const Notice = function (properties) {
                this.texts = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Notice.prototype.noticeId = "";
            Notice.prototype.kind = 0;
            Notice.prototype.display = 0;
            Notice.prototype.priority = 0;
            Notice.prototype.collapseKey = "";
            Notice.prototype.texts = $util.emptyArray;
            Notice.prototype.hotline = "";
            Notice.prototype.actionRequired = false;
            Notice.prototype.accountId = "";
            Notice.prototype.feeDue = null;
            Notice.prototype.suspensionWarning = null;
            Notice.prototype.suspended = null;
            Notice.prototype.restored = null;
            Notice.prototype.maintenance = null;
            Notice.prototype.outage = null;
            Notice.prototype.announcement = null;
            Notice.prototype.ticketUpdate = null;
            Notice.prototype.surveyRequest = null;

            let $oneOfFields;

            $Object.defineProperty(Notice.prototype, "detail", {
                get: $util.oneOfGetter($oneOfFields = ["feeDue", "suspensionWarning", "suspended", "restored", "maintenance", "outage", "announcement", "ticketUpdate", "surveyRequest"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Notice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.noticeId != null && $Object.hasOwnProperty.call(message, "noticeId") && message.noticeId !== "")
                    writer.uint32(10).string(message.noticeId);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(16).int32(message.kind);
                if (message.display != null && $Object.hasOwnProperty.call(message, "display") && message.display !== 0)
                    writer.uint32(24).int32(message.display);
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority") && message.priority !== 0)
                    writer.uint32(32).int32(message.priority);
                if (message.collapseKey != null && $Object.hasOwnProperty.call(message, "collapseKey") && message.collapseKey !== "")
                    writer.uint32(42).string(message.collapseKey);
                if (message.texts != null && message.texts.length)
                    for (let i = 0; i < message.texts.length; ++i)
                        $root.stbnotify.v1.LocalizedText.encode(message.texts[i], writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.hotline != null && $Object.hasOwnProperty.call(message, "hotline") && message.hotline !== "")
                    writer.uint32(58).string(message.hotline);
                if (message.actionRequired != null && $Object.hasOwnProperty.call(message, "actionRequired") && message.actionRequired !== false)
                    writer.uint32(64).bool(message.actionRequired);
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && message.accountId !== "")
                    writer.uint32(74).string(message.accountId);
                if (message.feeDue != null && $Object.hasOwnProperty.call(message, "feeDue"))
                    $root.stbnotify.v1.FeeDue.encode(message.feeDue, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.suspensionWarning != null && $Object.hasOwnProperty.call(message, "suspensionWarning"))
                    $root.stbnotify.v1.SuspensionWarning.encode(message.suspensionWarning, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.suspended != null && $Object.hasOwnProperty.call(message, "suspended"))
                    $root.stbnotify.v1.Suspended.encode(message.suspended, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.restored != null && $Object.hasOwnProperty.call(message, "restored"))
                    $root.stbnotify.v1.Restored.encode(message.restored, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.maintenance != null && $Object.hasOwnProperty.call(message, "maintenance"))
                    $root.stbnotify.v1.Maintenance.encode(message.maintenance, writer.uint32(114).fork(), _depth + 1).ldelim();
                if (message.outage != null && $Object.hasOwnProperty.call(message, "outage"))
                    $root.stbnotify.v1.Outage.encode(message.outage, writer.uint32(122).fork(), _depth + 1).ldelim();
                if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement"))
                    $root.stbnotify.v1.Announcement.encode(message.announcement, writer.uint32(130).fork(), _depth + 1).ldelim();
                if (message.ticketUpdate != null && $Object.hasOwnProperty.call(message, "ticketUpdate"))
                    $root.stbnotify.v1.TicketUpdate.encode(message.ticketUpdate, writer.uint32(138).fork(), _depth + 1).ldelim();
                if (message.surveyRequest != null && $Object.hasOwnProperty.call(message, "surveyRequest"))
                    $root.stbnotify.v1.SurveyRequest.encode(message.surveyRequest, writer.uint32(146).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Notice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Notice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.noticeId = value;
                            else
                                delete message.noticeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.display = value;
                            else
                                delete message.display;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.priority = value;
                            else
                                delete message.priority;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.collapseKey = value;
                            else
                                delete message.collapseKey;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.texts && message.texts.length))
                                message.texts = [];
                            message.texts.push($root.stbnotify.v1.LocalizedText.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hotline = value;
                            else
                                delete message.hotline;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.actionRequired = value;
                            else
                                delete message.actionRequired;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.feeDue = $root.stbnotify.v1.FeeDue.decode(reader, reader.size(), $undefined, _depth + 1, message.feeDue);
                            message.detail = "feeDue";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.suspensionWarning = $root.stbnotify.v1.SuspensionWarning.decode(reader, reader.size(), $undefined, _depth + 1, message.suspensionWarning);
                            message.detail = "suspensionWarning";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.suspended = $root.stbnotify.v1.Suspended.decode(reader, reader.size(), $undefined, _depth + 1, message.suspended);
                            message.detail = "suspended";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.restored = $root.stbnotify.v1.Restored.decode(reader, reader.size(), $undefined, _depth + 1, message.restored);
                            message.detail = "restored";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.maintenance = $root.stbnotify.v1.Maintenance.decode(reader, reader.size(), $undefined, _depth + 1, message.maintenance);
                            message.detail = "maintenance";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.outage = $root.stbnotify.v1.Outage.decode(reader, reader.size(), $undefined, _depth + 1, message.outage);
                            message.detail = "outage";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.announcement = $root.stbnotify.v1.Announcement.decode(reader, reader.size(), $undefined, _depth + 1, message.announcement);
                            message.detail = "announcement";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.ticketUpdate = $root.stbnotify.v1.TicketUpdate.decode(reader, reader.size(), $undefined, _depth + 1, message.ticketUpdate);
                            message.detail = "ticketUpdate";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.surveyRequest = $root.stbnotify.v1.SurveyRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.surveyRequest);
                            message.detail = "surveyRequest";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Notice;
        })();

        v1.FeeDue = (function() {

            const FeeDue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            FeeDue.prototype.amountMinor = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            FeeDue.prototype.currency = "";
            FeeDue.prototype.dueAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            FeeDue.prototype.paymentReference = "";

            FeeDue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.amountMinor != null && $Object.hasOwnProperty.call(message, "amountMinor") && (typeof message.amountMinor === "object" ? message.amountMinor.low || message.amountMinor.high : message.amountMinor !== 0))
                    writer.uint32(8).int64(message.amountMinor);
                if (message.currency != null && $Object.hasOwnProperty.call(message, "currency") && message.currency !== "")
                    writer.uint32(18).string(message.currency);
                if (message.dueAtMs != null && $Object.hasOwnProperty.call(message, "dueAtMs") && (typeof message.dueAtMs === "object" ? message.dueAtMs.low || message.dueAtMs.high : message.dueAtMs !== 0))
                    writer.uint32(24).int64(message.dueAtMs);
                if (message.paymentReference != null && $Object.hasOwnProperty.call(message, "paymentReference") && message.paymentReference !== "")
                    writer.uint32(34).string(message.paymentReference);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            FeeDue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.FeeDue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amountMinor = value;
                            else
                                delete message.amountMinor;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.currency = value;
                            else
                                delete message.currency;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.dueAtMs = value;
                            else
                                delete message.dueAtMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentReference = value;
                            else
                                delete message.paymentReference;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return FeeDue;
        })();

        v1.SuspensionWarning = (function() {

            const SuspensionWarning = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SuspensionWarning.prototype.amountMinor = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            SuspensionWarning.prototype.currency = "";
            SuspensionWarning.prototype.suspendAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            SuspensionWarning.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.amountMinor != null && $Object.hasOwnProperty.call(message, "amountMinor") && (typeof message.amountMinor === "object" ? message.amountMinor.low || message.amountMinor.high : message.amountMinor !== 0))
                    writer.uint32(8).int64(message.amountMinor);
                if (message.currency != null && $Object.hasOwnProperty.call(message, "currency") && message.currency !== "")
                    writer.uint32(18).string(message.currency);
                if (message.suspendAtMs != null && $Object.hasOwnProperty.call(message, "suspendAtMs") && (typeof message.suspendAtMs === "object" ? message.suspendAtMs.low || message.suspendAtMs.high : message.suspendAtMs !== 0))
                    writer.uint32(24).int64(message.suspendAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SuspensionWarning.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.SuspensionWarning();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amountMinor = value;
                            else
                                delete message.amountMinor;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.currency = value;
                            else
                                delete message.currency;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.suspendAtMs = value;
                            else
                                delete message.suspendAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SuspensionWarning;
        })();

        v1.Suspended = (function() {

            const Suspended = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Suspended.prototype.suspendedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Suspended.prototype.amountMinor = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Suspended.prototype.currency = "";

            Suspended.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.suspendedAtMs != null && $Object.hasOwnProperty.call(message, "suspendedAtMs") && (typeof message.suspendedAtMs === "object" ? message.suspendedAtMs.low || message.suspendedAtMs.high : message.suspendedAtMs !== 0))
                    writer.uint32(8).int64(message.suspendedAtMs);
                if (message.amountMinor != null && $Object.hasOwnProperty.call(message, "amountMinor") && (typeof message.amountMinor === "object" ? message.amountMinor.low || message.amountMinor.high : message.amountMinor !== 0))
                    writer.uint32(16).int64(message.amountMinor);
                if (message.currency != null && $Object.hasOwnProperty.call(message, "currency") && message.currency !== "")
                    writer.uint32(26).string(message.currency);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Suspended.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Suspended();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.suspendedAtMs = value;
                            else
                                delete message.suspendedAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amountMinor = value;
                            else
                                delete message.amountMinor;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.currency = value;
                            else
                                delete message.currency;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Suspended;
        })();

        v1.Restored = (function() {

            const Restored = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Restored.prototype.restoredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Restored.prototype.paidAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Restored.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.restoredAtMs != null && $Object.hasOwnProperty.call(message, "restoredAtMs") && (typeof message.restoredAtMs === "object" ? message.restoredAtMs.low || message.restoredAtMs.high : message.restoredAtMs !== 0))
                    writer.uint32(8).int64(message.restoredAtMs);
                if (message.paidAtMs != null && $Object.hasOwnProperty.call(message, "paidAtMs") && (typeof message.paidAtMs === "object" ? message.paidAtMs.low || message.paidAtMs.high : message.paidAtMs !== 0))
                    writer.uint32(16).int64(message.paidAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Restored.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Restored();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.restoredAtMs = value;
                            else
                                delete message.restoredAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.paidAtMs = value;
                            else
                                delete message.paidAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Restored;
        })();

        v1.Maintenance = (function() {

            const Maintenance = function (properties) {
                this.zoneIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Maintenance.prototype.startsAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Maintenance.prototype.endsAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Maintenance.prototype.zoneIds = $util.emptyArray;
            Maintenance.prototype.reason = "";

            Maintenance.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.startsAtMs != null && $Object.hasOwnProperty.call(message, "startsAtMs") && (typeof message.startsAtMs === "object" ? message.startsAtMs.low || message.startsAtMs.high : message.startsAtMs !== 0))
                    writer.uint32(8).int64(message.startsAtMs);
                if (message.endsAtMs != null && $Object.hasOwnProperty.call(message, "endsAtMs") && (typeof message.endsAtMs === "object" ? message.endsAtMs.low || message.endsAtMs.high : message.endsAtMs !== 0))
                    writer.uint32(16).int64(message.endsAtMs);
                if (message.zoneIds != null && message.zoneIds.length)
                    for (let i = 0; i < message.zoneIds.length; ++i)
                        writer.uint32(26).string(message.zoneIds[i]);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(34).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Maintenance.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Maintenance();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.startsAtMs = value;
                            else
                                delete message.startsAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.endsAtMs = value;
                            else
                                delete message.endsAtMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.zoneIds && message.zoneIds.length))
                                message.zoneIds = [];
                            message.zoneIds.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Maintenance;
        })();

        v1.Outage = (function() {

            const Outage = function (properties) {
                this.zoneIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Outage.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Outage.prototype.etaMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Outage.prototype.zoneIds = $util.emptyArray;
            Outage.prototype.incidentId = "";

            Outage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.startedAtMs != null && $Object.hasOwnProperty.call(message, "startedAtMs") && (typeof message.startedAtMs === "object" ? message.startedAtMs.low || message.startedAtMs.high : message.startedAtMs !== 0))
                    writer.uint32(8).int64(message.startedAtMs);
                if (message.etaMs != null && $Object.hasOwnProperty.call(message, "etaMs") && (typeof message.etaMs === "object" ? message.etaMs.low || message.etaMs.high : message.etaMs !== 0))
                    writer.uint32(16).int64(message.etaMs);
                if (message.zoneIds != null && message.zoneIds.length)
                    for (let i = 0; i < message.zoneIds.length; ++i)
                        writer.uint32(26).string(message.zoneIds[i]);
                if (message.incidentId != null && $Object.hasOwnProperty.call(message, "incidentId") && message.incidentId !== "")
                    writer.uint32(34).string(message.incidentId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Outage.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Outage();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.startedAtMs = value;
                            else
                                delete message.startedAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.etaMs = value;
                            else
                                delete message.etaMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.zoneIds && message.zoneIds.length))
                                message.zoneIds = [];
                            message.zoneIds.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.incidentId = value;
                            else
                                delete message.incidentId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Outage;
        })();

        v1.Announcement = (function() {

            const Announcement = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Announcement.prototype.topic = "";
            Announcement.prototype.effectiveAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Announcement.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                    writer.uint32(10).string(message.topic);
                if (message.effectiveAtMs != null && $Object.hasOwnProperty.call(message, "effectiveAtMs") && (typeof message.effectiveAtMs === "object" ? message.effectiveAtMs.low || message.effectiveAtMs.high : message.effectiveAtMs !== 0))
                    writer.uint32(16).int64(message.effectiveAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Announcement.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Announcement();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.topic = value;
                            else
                                delete message.topic;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.effectiveAtMs = value;
                            else
                                delete message.effectiveAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Announcement;
        })();

        v1.TicketStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TICKET_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TICKET_STATUS_OPEN"] = 1;
            values[valuesById[2] = "TICKET_STATUS_ASSIGNED"] = 2;
            values[valuesById[3] = "TICKET_STATUS_IN_PROGRESS"] = 3;
            values[valuesById[4] = "TICKET_STATUS_PAUSED"] = 4;
            values[valuesById[5] = "TICKET_STATUS_RESOLVED"] = 5;
            values[valuesById[6] = "TICKET_STATUS_CLOSED"] = 6;
            return values;
        })();

        v1.TicketSeverity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TICKET_SEVERITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TICKET_SEVERITY_URGENT"] = 1;
            values[valuesById[2] = "TICKET_SEVERITY_ORDINARY"] = 2;
            values[valuesById[3] = "TICKET_SEVERITY_COMPLEX"] = 3;
            return values;
        })();

        v1.TicketUpdate = (function() {

            const TicketUpdate = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TicketUpdate.prototype.ticketId = "";
            TicketUpdate.prototype.status = 0;
            TicketUpdate.prototype.severity = 0;
            TicketUpdate.prototype.dueAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            TicketUpdate.prototype.pauseReason = "";
            TicketUpdate.prototype.incidentId = "";
            TicketUpdate.prototype.reportId = "";
            TicketUpdate.prototype.ticketNumber = 0;
            TicketUpdate.prototype.surveyId = "";

            TicketUpdate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ticketId != null && $Object.hasOwnProperty.call(message, "ticketId") && message.ticketId !== "")
                    writer.uint32(10).string(message.ticketId);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(16).int32(message.status);
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity") && message.severity !== 0)
                    writer.uint32(24).int32(message.severity);
                if (message.dueAtMs != null && $Object.hasOwnProperty.call(message, "dueAtMs") && (typeof message.dueAtMs === "object" ? message.dueAtMs.low || message.dueAtMs.high : message.dueAtMs !== 0))
                    writer.uint32(32).int64(message.dueAtMs);
                if (message.pauseReason != null && $Object.hasOwnProperty.call(message, "pauseReason") && message.pauseReason !== "")
                    writer.uint32(42).string(message.pauseReason);
                if (message.incidentId != null && $Object.hasOwnProperty.call(message, "incidentId") && message.incidentId !== "")
                    writer.uint32(50).string(message.incidentId);
                if (message.reportId != null && $Object.hasOwnProperty.call(message, "reportId") && message.reportId !== "")
                    writer.uint32(58).string(message.reportId);
                if (message.ticketNumber != null && $Object.hasOwnProperty.call(message, "ticketNumber") && message.ticketNumber !== 0)
                    writer.uint32(64).uint32(message.ticketNumber);
                if (message.surveyId != null && $Object.hasOwnProperty.call(message, "surveyId") && message.surveyId !== "")
                    writer.uint32(74).string(message.surveyId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TicketUpdate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.TicketUpdate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ticketId = value;
                            else
                                delete message.ticketId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.severity = value;
                            else
                                delete message.severity;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.dueAtMs = value;
                            else
                                delete message.dueAtMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.pauseReason = value;
                            else
                                delete message.pauseReason;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.incidentId = value;
                            else
                                delete message.incidentId;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reportId = value;
                            else
                                delete message.reportId;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.ticketNumber = value;
                            else
                                delete message.ticketNumber;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.surveyId = value;
                            else
                                delete message.surveyId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return TicketUpdate;
        })();

        v1.SurveyRequest = (function() {

            const SurveyRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SurveyRequest.prototype.surveyId = "";
            SurveyRequest.prototype.ticketId = "";
            SurveyRequest.prototype.questionId = "";
            SurveyRequest.prototype.answerByMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            SurveyRequest.prototype.ticketNumber = 0;

            SurveyRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.surveyId != null && $Object.hasOwnProperty.call(message, "surveyId") && message.surveyId !== "")
                    writer.uint32(10).string(message.surveyId);
                if (message.ticketId != null && $Object.hasOwnProperty.call(message, "ticketId") && message.ticketId !== "")
                    writer.uint32(18).string(message.ticketId);
                if (message.questionId != null && $Object.hasOwnProperty.call(message, "questionId") && message.questionId !== "")
                    writer.uint32(26).string(message.questionId);
                if (message.answerByMs != null && $Object.hasOwnProperty.call(message, "answerByMs") && (typeof message.answerByMs === "object" ? message.answerByMs.low || message.answerByMs.high : message.answerByMs !== 0))
                    writer.uint32(32).int64(message.answerByMs);
                if (message.ticketNumber != null && $Object.hasOwnProperty.call(message, "ticketNumber") && message.ticketNumber !== 0)
                    writer.uint32(40).uint32(message.ticketNumber);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SurveyRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.SurveyRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.surveyId = value;
                            else
                                delete message.surveyId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ticketId = value;
                            else
                                delete message.ticketId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.questionId = value;
                            else
                                delete message.questionId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.answerByMs = value;
                            else
                                delete message.answerByMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.ticketNumber = value;
                            else
                                delete message.ticketNumber;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SurveyRequest;
        })();

        v1.Withdrawal = (function() {

            const Withdrawal = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Withdrawal.prototype.noticeId = "";
            Withdrawal.prototype.reason = "";

            Withdrawal.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.noticeId != null && $Object.hasOwnProperty.call(message, "noticeId") && message.noticeId !== "")
                    writer.uint32(10).string(message.noticeId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Withdrawal.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Withdrawal();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.noticeId = value;
                            else
                                delete message.noticeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Withdrawal;
        })();

        v1.DiagnosticsRequest = (function() {

            const DiagnosticsRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DiagnosticsRequest.prototype.requestId = "";

            DiagnosticsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(10).string(message.requestId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DiagnosticsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.DiagnosticsRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return DiagnosticsRequest;
        })();

        v1.PublicKey = (function() {

            const PublicKey = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PublicKey.prototype.keyId = "";
            PublicKey.prototype.ed25519 = $util.newBuffer([]);
            PublicKey.prototype.notAfterMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            PublicKey.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(10).string(message.keyId);
                if (message.ed25519 != null && $Object.hasOwnProperty.call(message, "ed25519") && message.ed25519.length)
                    writer.uint32(18).bytes(message.ed25519);
                if (message.notAfterMs != null && $Object.hasOwnProperty.call(message, "notAfterMs") && (typeof message.notAfterMs === "object" ? message.notAfterMs.low || message.notAfterMs.high : message.notAfterMs !== 0))
                    writer.uint32(24).int64(message.notAfterMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PublicKey.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.PublicKey();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.ed25519 = value;
                            else
                                delete message.ed25519;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.notAfterMs = value;
                            else
                                delete message.notAfterMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return PublicKey;
        })();

        v1.TrustedKeys = (function() {

            const TrustedKeys = function (properties) {
                this.keys = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TrustedKeys.prototype.keys = $util.emptyArray;

            TrustedKeys.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        $root.stbnotify.v1.PublicKey.encode(message.keys[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TrustedKeys.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.TrustedKeys();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push($root.stbnotify.v1.PublicKey.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return TrustedKeys;
        })();

        v1.HelloAnswer = (function() {

            const HelloAnswer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HelloAnswer.prototype.bootId = "";
            HelloAnswer.prototype.resent = 0;

            HelloAnswer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId !== "")
                    writer.uint32(10).string(message.bootId);
                if (message.resent != null && $Object.hasOwnProperty.call(message, "resent") && message.resent !== 0)
                    writer.uint32(16).uint32(message.resent);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HelloAnswer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.HelloAnswer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bootId = value;
                            else
                                delete message.bootId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.resent = value;
                            else
                                delete message.resent;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return HelloAnswer;
        })();

        v1.Uplink = (function() {

            const Uplink = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Uplink.prototype.receipt = null;
            Uplink.prototype.faultReport = null;
            Uplink.prototype.diagnostics = null;
            Uplink.prototype.surveyAnswer = null;
            Uplink.prototype.hello = null;

            let $oneOfFields;

            $Object.defineProperty(Uplink.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["receipt", "faultReport", "diagnostics", "surveyAnswer", "hello"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Uplink.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt"))
                    $root.stbnotify.v1.Receipt.encode(message.receipt, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.faultReport != null && $Object.hasOwnProperty.call(message, "faultReport"))
                    $root.stbnotify.v1.FaultReport.encode(message.faultReport, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.diagnostics != null && $Object.hasOwnProperty.call(message, "diagnostics"))
                    $root.stbnotify.v1.Diagnostics.encode(message.diagnostics, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.surveyAnswer != null && $Object.hasOwnProperty.call(message, "surveyAnswer"))
                    $root.stbnotify.v1.SurveyAnswer.encode(message.surveyAnswer, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.stbnotify.v1.Hello.encode(message.hello, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Uplink.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Uplink();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.receipt = $root.stbnotify.v1.Receipt.decode(reader, reader.size(), $undefined, _depth + 1, message.receipt);
                            message.body = "receipt";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.faultReport = $root.stbnotify.v1.FaultReport.decode(reader, reader.size(), $undefined, _depth + 1, message.faultReport);
                            message.body = "faultReport";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.diagnostics = $root.stbnotify.v1.Diagnostics.decode(reader, reader.size(), $undefined, _depth + 1, message.diagnostics);
                            message.body = "diagnostics";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.surveyAnswer = $root.stbnotify.v1.SurveyAnswer.decode(reader, reader.size(), $undefined, _depth + 1, message.surveyAnswer);
                            message.body = "surveyAnswer";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.stbnotify.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Uplink;
        })();

        v1.ReceiptState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RECEIPT_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RECEIPT_STATE_DELIVERED"] = 1;
            values[valuesById[2] = "RECEIPT_STATE_DISPLAYED"] = 2;
            values[valuesById[3] = "RECEIPT_STATE_READ"] = 3;
            values[valuesById[4] = "RECEIPT_STATE_DISMISSED"] = 4;
            return values;
        })();

        v1.Receipt = (function() {

            const Receipt = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Receipt.prototype.noticeId = "";
            Receipt.prototype.state = 0;
            Receipt.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Receipt.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.noticeId != null && $Object.hasOwnProperty.call(message, "noticeId") && message.noticeId !== "")
                    writer.uint32(10).string(message.noticeId);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(16).int32(message.state);
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs") && (typeof message.atMs === "object" ? message.atMs.low || message.atMs.high : message.atMs !== 0))
                    writer.uint32(24).int64(message.atMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Receipt.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Receipt();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.noticeId = value;
                            else
                                delete message.noticeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.atMs = value;
                            else
                                delete message.atMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Receipt;
        })();

        v1.Symptom = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SYMPTOM_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SYMPTOM_NO_SIGNAL"] = 1;
            values[valuesById[2] = "SYMPTOM_PICTURE_FREEZE"] = 2;
            values[valuesById[3] = "SYMPTOM_MOSAIC"] = 3;
            values[valuesById[4] = "SYMPTOM_NO_SOUND"] = 4;
            values[valuesById[5] = "SYMPTOM_CHANNELS_MISSING"] = 5;
            values[valuesById[6] = "SYMPTOM_INTERACTIVE_SERVICE"] = 6;
            values[valuesById[7] = "SYMPTOM_BOX_REBOOTS"] = 7;
            values[valuesById[8] = "SYMPTOM_REMOTE_CONTROL"] = 8;
            values[valuesById[9] = "SYMPTOM_OTHER"] = 9;
            return values;
        })();

        v1.FaultReport = (function() {

            const FaultReport = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            FaultReport.prototype.reportId = "";
            FaultReport.prototype.symptom = 0;
            FaultReport.prototype.code = "";
            FaultReport.prototype.diagnostics = null;
            FaultReport.prototype.reportedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            FaultReport.prototype.automatic = false;

            FaultReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reportId != null && $Object.hasOwnProperty.call(message, "reportId") && message.reportId !== "")
                    writer.uint32(10).string(message.reportId);
                if (message.symptom != null && $Object.hasOwnProperty.call(message, "symptom") && message.symptom !== 0)
                    writer.uint32(16).int32(message.symptom);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(26).string(message.code);
                if (message.diagnostics != null && $Object.hasOwnProperty.call(message, "diagnostics"))
                    $root.stbnotify.v1.Diagnostics.encode(message.diagnostics, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.reportedAtMs != null && $Object.hasOwnProperty.call(message, "reportedAtMs") && (typeof message.reportedAtMs === "object" ? message.reportedAtMs.low || message.reportedAtMs.high : message.reportedAtMs !== 0))
                    writer.uint32(40).int64(message.reportedAtMs);
                if (message.automatic != null && $Object.hasOwnProperty.call(message, "automatic") && message.automatic !== false)
                    writer.uint32(48).bool(message.automatic);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            FaultReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.FaultReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reportId = value;
                            else
                                delete message.reportId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.symptom = value;
                            else
                                delete message.symptom;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.diagnostics = $root.stbnotify.v1.Diagnostics.decode(reader, reader.size(), $undefined, _depth + 1, message.diagnostics);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.reportedAtMs = value;
                            else
                                delete message.reportedAtMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.automatic = value;
                            else
                                delete message.automatic;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return FaultReport;
        })();

        v1.NetworkType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NETWORK_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NETWORK_TYPE_CABLE_MODEM"] = 1;
            values[valuesById[2] = "NETWORK_TYPE_ETHERNET"] = 2;
            values[valuesById[3] = "NETWORK_TYPE_WIFI"] = 3;
            return values;
        })();

        v1.NetworkStatus = (function() {

            const NetworkStatus = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            NetworkStatus.prototype.type = 0;
            NetworkStatus.prototype.connected = false;
            NetworkStatus.prototype.ip = "";
            NetworkStatus.prototype.rttMs = 0;

            NetworkStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(8).int32(message.type);
                if (message.connected != null && $Object.hasOwnProperty.call(message, "connected") && message.connected !== false)
                    writer.uint32(16).bool(message.connected);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(26).string(message.ip);
                if (message.rttMs != null && $Object.hasOwnProperty.call(message, "rttMs") && message.rttMs !== 0)
                    writer.uint32(32).uint32(message.rttMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            NetworkStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.NetworkStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.connected = value;
                            else
                                delete message.connected;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rttMs = value;
                            else
                                delete message.rttMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return NetworkStatus;
        })();

        v1.Diagnostics = (function() {

            const Diagnostics = function (properties) {
                this.errorCodes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Diagnostics.prototype.firmware = "";
            Diagnostics.prototype.uptimeS = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Diagnostics.prototype.tunerLocked = false;
            Diagnostics.prototype.signalLevelDbuv = 0;
            Diagnostics.prototype.snrDb = 0;
            Diagnostics.prototype.merDb = 0;
            Diagnostics.prototype.ber = 0;
            Diagnostics.prototype.network = null;
            Diagnostics.prototype.memoryFreeKb = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Diagnostics.prototype.memoryTotalKb = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Diagnostics.prototype.errorCodes = $util.emptyArray;
            Diagnostics.prototype.lastRebootReason = "";
            Diagnostics.prototype.decoderErrors = 0;
            Diagnostics.prototype.collectedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Diagnostics.prototype.requestId = "";

            Diagnostics.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware") && message.firmware !== "")
                    writer.uint32(10).string(message.firmware);
                if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS") && (typeof message.uptimeS === "object" ? message.uptimeS.low || message.uptimeS.high : message.uptimeS !== 0))
                    writer.uint32(16).uint64(message.uptimeS);
                if (message.tunerLocked != null && $Object.hasOwnProperty.call(message, "tunerLocked") && message.tunerLocked !== false)
                    writer.uint32(24).bool(message.tunerLocked);
                if (message.signalLevelDbuv != null && $Object.hasOwnProperty.call(message, "signalLevelDbuv") && !$Object.is(message.signalLevelDbuv, 0))
                    writer.uint32(33).double(message.signalLevelDbuv);
                if (message.snrDb != null && $Object.hasOwnProperty.call(message, "snrDb") && !$Object.is(message.snrDb, 0))
                    writer.uint32(41).double(message.snrDb);
                if (message.merDb != null && $Object.hasOwnProperty.call(message, "merDb") && !$Object.is(message.merDb, 0))
                    writer.uint32(49).double(message.merDb);
                if (message.ber != null && $Object.hasOwnProperty.call(message, "ber") && !$Object.is(message.ber, 0))
                    writer.uint32(57).double(message.ber);
                if (message.network != null && $Object.hasOwnProperty.call(message, "network"))
                    $root.stbnotify.v1.NetworkStatus.encode(message.network, writer.uint32(66).fork(), _depth + 1).ldelim();
                if (message.memoryFreeKb != null && $Object.hasOwnProperty.call(message, "memoryFreeKb") && (typeof message.memoryFreeKb === "object" ? message.memoryFreeKb.low || message.memoryFreeKb.high : message.memoryFreeKb !== 0))
                    writer.uint32(72).uint64(message.memoryFreeKb);
                if (message.memoryTotalKb != null && $Object.hasOwnProperty.call(message, "memoryTotalKb") && (typeof message.memoryTotalKb === "object" ? message.memoryTotalKb.low || message.memoryTotalKb.high : message.memoryTotalKb !== 0))
                    writer.uint32(80).uint64(message.memoryTotalKb);
                if (message.errorCodes != null && message.errorCodes.length)
                    for (let i = 0; i < message.errorCodes.length; ++i)
                        writer.uint32(90).string(message.errorCodes[i]);
                if (message.lastRebootReason != null && $Object.hasOwnProperty.call(message, "lastRebootReason") && message.lastRebootReason !== "")
                    writer.uint32(98).string(message.lastRebootReason);
                if (message.decoderErrors != null && $Object.hasOwnProperty.call(message, "decoderErrors") && message.decoderErrors !== 0)
                    writer.uint32(104).uint32(message.decoderErrors);
                if (message.collectedAtMs != null && $Object.hasOwnProperty.call(message, "collectedAtMs") && (typeof message.collectedAtMs === "object" ? message.collectedAtMs.low || message.collectedAtMs.high : message.collectedAtMs !== 0))
                    writer.uint32(112).int64(message.collectedAtMs);
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(122).string(message.requestId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Diagnostics.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Diagnostics();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.firmware = value;
                            else
                                delete message.firmware;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.uptimeS = value;
                            else
                                delete message.uptimeS;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.tunerLocked = value;
                            else
                                delete message.tunerLocked;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.signalLevelDbuv = value;
                            else
                                delete message.signalLevelDbuv;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.snrDb = value;
                            else
                                delete message.snrDb;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.merDb = value;
                            else
                                delete message.merDb;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ber = value;
                            else
                                delete message.ber;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.network = $root.stbnotify.v1.NetworkStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.network);
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.memoryFreeKb = value;
                            else
                                delete message.memoryFreeKb;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.memoryTotalKb = value;
                            else
                                delete message.memoryTotalKb;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if (!(message.errorCodes && message.errorCodes.length))
                                message.errorCodes = [];
                            message.errorCodes.push(reader.stringVerify());
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lastRebootReason = value;
                            else
                                delete message.lastRebootReason;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.decoderErrors = value;
                            else
                                delete message.decoderErrors;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.collectedAtMs = value;
                            else
                                delete message.collectedAtMs;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Diagnostics;
        })();

        v1.SurveyAnswer = (function() {

            const SurveyAnswer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SurveyAnswer.prototype.surveyId = "";
            SurveyAnswer.prototype.ticketId = "";
            SurveyAnswer.prototype.rating = 0;
            SurveyAnswer.prototype.resolved = false;
            SurveyAnswer.prototype.answeredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            SurveyAnswer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.surveyId != null && $Object.hasOwnProperty.call(message, "surveyId") && message.surveyId !== "")
                    writer.uint32(10).string(message.surveyId);
                if (message.ticketId != null && $Object.hasOwnProperty.call(message, "ticketId") && message.ticketId !== "")
                    writer.uint32(18).string(message.ticketId);
                if (message.rating != null && $Object.hasOwnProperty.call(message, "rating") && message.rating !== 0)
                    writer.uint32(24).uint32(message.rating);
                if (message.resolved != null && $Object.hasOwnProperty.call(message, "resolved") && message.resolved !== false)
                    writer.uint32(32).bool(message.resolved);
                if (message.answeredAtMs != null && $Object.hasOwnProperty.call(message, "answeredAtMs") && (typeof message.answeredAtMs === "object" ? message.answeredAtMs.low || message.answeredAtMs.high : message.answeredAtMs !== 0))
                    writer.uint32(40).int64(message.answeredAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SurveyAnswer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.SurveyAnswer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.surveyId = value;
                            else
                                delete message.surveyId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ticketId = value;
                            else
                                delete message.ticketId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rating = value;
                            else
                                delete message.rating;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.resolved = value;
                            else
                                delete message.resolved;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.answeredAtMs = value;
                            else
                                delete message.answeredAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SurveyAnswer;
        })();

        v1.Hello = (function() {

            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Hello.prototype.model = "";
            Hello.prototype.firmware = "";
            Hello.prototype.appVersion = "";
            Hello.prototype.locale = "";
            Hello.prototype.bootId = "";

            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(10).string(message.model);
                if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware") && message.firmware !== "")
                    writer.uint32(18).string(message.firmware);
                if (message.appVersion != null && $Object.hasOwnProperty.call(message, "appVersion") && message.appVersion !== "")
                    writer.uint32(26).string(message.appVersion);
                if (message.locale != null && $Object.hasOwnProperty.call(message, "locale") && message.locale !== "")
                    writer.uint32(34).string(message.locale);
                if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId !== "")
                    writer.uint32(42).string(message.bootId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.stbnotify.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.firmware = value;
                            else
                                delete message.firmware;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.appVersion = value;
                            else
                                delete message.appVersion;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.locale = value;
                            else
                                delete message.locale;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bootId = value;
                            else
                                delete message.bootId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Hello;
        })();

        return v1;
    })();

    return stbnotify;
})();

export {
  $root as default
};
