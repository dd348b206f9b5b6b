#!/usr/bin/env python3
"""Build the dev-d evaluation corpus (ScribeAssist pilot, Northmoor Teaching Hospitals).

Deterministic: running this script twice produces byte-identical files.
    /work/main/.venv/bin/python build_corpus.py
"""
import csv
import datetime as dt
import io
import os
import zipfile

from docx import Document
from docx.shared import Pt
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

rl_config.invariant = 1

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def normalise_docx(path, stamp):
    """Rewrite a saved docx so every zip member carries a fixed timestamp."""
    with open(path, "rb") as fh:
        data = fh.read()
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            zout.writestr(zi, zin.read(info.filename))
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def set_core(doc, title, author, subject, when, revision, keywords=""):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = ""
    cp.category = ""
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = revision


def docx_table(doc, headers, rows, widths=None):
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    for i, h in enumerate(headers):
        cell = t.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(h)
        run.bold = True
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    for row in t.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9)
    doc.add_paragraph()
    return t


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------
# 1. contract-schedule.docx  (author: Helen Ashworth, Senior Commercial Manager)
# ---------------------------------------------------------------------------

def build_contract():
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10)

    def B(text):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        return p

    def N(text):
        return doc.add_paragraph(text)

    B("CALL-OFF ORDER FORM AND SCHEDULES")
    N("Health Systems Digital Solutions Framework (HSDS/2025) — Lot 3: Clinical Documentation and Voice Technologies")
    N("Contract reference: NTH-DIG-2026-041        Execution version 3.0        14 October 2026")
    N("COMMERCIAL IN CONFIDENCE. Prepared by Helen Ashworth, Senior Commercial Manager (Digital), "
      "Procurement and Commercial Services, Northmoor Teaching Hospitals NHS Foundation Trust.")

    B("Document control")
    docx_table(doc, ["Version", "Date", "Prepared by", "Summary of changes"], [
        ["1.0", "3 June 2026", "H. Ashworth (Trust)",
         "First draft issued to the Supplier on Framework terms with Trust special conditions."],
        ["2.0", "22 July 2026", "Veritext Legal (M. Osei)",
         "Supplier mark-up: standard data processing addendum; clause permitting use of de-identified Trust Data "
         "for “Service Improvement”; liability cap £250,000; Supplier termination for convenience on 90 days’ notice."],
        ["2.1", "19 August 2026", "H. Ashworth (Trust)",
         "Service Improvement clause retained in square brackets pending Caldicott Guardian review; breach "
         "notification 72 hours; data protection cap £1,000,000; implementation fee £55,000."],
        ["3.0", "14 October 2026", "H. Ashworth / O. Grant",
         "Execution version. Service Improvement clause deleted and replaced by a prohibition on model training "
         "(Schedule 4, paragraph 4.9). Data protection cap £5,000,000. Breach notification 24 hours. Trust "
         "termination for convenience 60 days. Implementation fee £42,000. Supplier termination for convenience removed."],
    ])

    B("PART A — ORDER FORM")
    docx_table(doc, ["Item", "Detail"], [
        ["Buyer", "Northmoor Teaching Hospitals NHS Foundation Trust, Northmoor Royal Infirmary, Infirmary Road, Bradwell (the “Trust”)"],
        ["Supplier", "Veritext Health Ltd, a company registered in England and Wales (company number 12894410), "
                     "Floor 4, 71 Bastwick Street, London EC1V (the “Supplier”)"],
        ["Guarantor", "Veritext Inc., a Delaware corporation with its principal office in Boston, Massachusetts, USA"],
        ["Effective Date", "1 November 2026"],
        ["Planned Go-Live Date", "11 January 2027"],
        ["Initial Term", "12 months from the Effective Date, ending 31 October 2027"],
        ["Extension", "Up to two further periods of 12 months each, at the Trust’s option, by Roll-out Variation"],
        ["Roll-out Decision Point", "30 September 2027"],
        ["Pilot Sites", "Northmoor Royal Infirmary outpatient department: Cardiology; Respiratory Medicine; "
                        "Diabetes and Endocrinology. St Aidan’s Hospital is not a Pilot Site."],
        ["Maximum Pilot Charges", "£128,000 excluding VAT for the Initial Term"],
        ["Trust Authorised Representative", "Rhys Llewellyn, Programme Manager, Digital Transformation"],
        ["Supplier Authorised Representative", "Olivia Grant, Account Director, Veritext Health Ltd"],
    ])

    B("1. INTERPRETATION")
    N("1.1 In this Call-off Contract the following expressions have the following meanings:")
    N("“Audio Recording” means any recording of sound captured by the ScribeAssist Mobile application during a "
      "Consultation, including partial, buffered or cached recordings held on a Device.")
    N("“Transcript” means the text produced from an Audio Recording by the speech recognition model, including speaker labels and timestamps.")
    N("“Draft Output” means any clinic letter, structured note or summary generated by the Service before Sign-off, and each edited version of it.")
    N("“Sign-off” means the act by which a Named User approves a Draft Output in ScribeAssist Web for filing in the Trust’s electronic patient record.")
    N("“Named User” means a Trust clinician authorised by the Trust to use the Service and authenticated through the Trust’s Microsoft Entra ID tenant.")
    N("“Core Hours” means 07:00 to 20:00 UK time, Monday to Friday, excluding bank holidays in England.")
    N("1.2 The expression “Service Improvement”, which appeared in draft version 2.1, is not used in this Call-off "
      "Contract and no right or licence is granted by reference to it.")

    B("2. ORDER OF PRECEDENCE")
    N("2.1 In the event of conflict the following order of precedence applies: (a) the Framework Agreement terms "
      "incorporated by reference; (b) Schedule 4 (Data Processing) in relation to any matter concerning Personal Data; "
      "(c) this Order Form; (d) the remaining Schedules; (e) the Supplier Response.")
    N("2.2 The Supplier Response includes the Supplier’s tender of 28 May 2026 and its Security and DTAC Questionnaire Response v1.2 of 22 September 2026. Where it is inconsistent with this Call-off Contract, this Call-off Contract prevails.")

    B("SCHEDULE 1 — SERVICES")
    N("1.1 The Service comprises ScribeAssist Mobile (iOS 17+, Android 13+), ScribeAssist Web for review and Sign-off, the Integration Service (HL7 FHIR R4 to and from Oracle Health / Cerner Millennium) and the Admin Console.")
    N("1.2 At the Effective Date the Service uses the Supplier’s proprietary speech recognition model VTX-Listen 4 "
      "(release 4.2) for transcription, and the Halcyon Lumen 3.1 large language model provided by Halcyon Labs, Inc. "
      "and accessed through Amazon Bedrock in the AWS Europe (London) region, eu-west-2, for generation of Draft Outputs. "
      "The Supplier shall not enable Bedrock cross-region inference or any equivalent feature that would cause prompts "
      "or outputs to be processed outside eu-west-2.")
    N("1.3 Model change. The Supplier shall give not less than 30 days’ written notice, with validation evidence, before changing the major or minor version of either model for the Trust tenant. The Trust may require deferral for up to 90 days.")
    N("1.4 Recording controls. The Service shall not begin recording automatically. Before each recording the Named User must confirm that the patient, and anyone else present, has been told and has not objected; the confirmation is written to the audit log. If the patient objects, no Audio Recording is created.")
    N("1.5 The Supplier does not warrant transcription accuracy for Consultations conducted wholly or partly in a "
      "language other than English, including interpreter-mediated Consultations. Telephone, video and inpatient "
      "encounters are out of scope for the pilot.")
    N("1.6 The Supplier shall provide four weeks’ hypercare from Go-Live, with an engineer on site for the first five Business Days.")
    N("1.7 Implementation milestones:")
    docx_table(doc, ["Milestone", "Description", "Date"], [
        ["M1", "Trust tenant provisioned in eu-west-2; Admin Console access issued", "30 November 2026"],
        ["M2", "Entra ID single sign-on and conditional access configured and tested", "11 December 2026"],
        ["M3", "FHIR R4 integration tested end-to-end in the Cerner non-production domain", "18 December 2026"],
        ["M4", "Independent penetration test completed with no open critical or high findings", "22 December 2026"],
        ["M5", "Train-the-trainer and Named User training completed", "8 January 2027"],
        ["M6", "Go-Live in all three pilot specialties", "11 January 2027"],
    ])
    N("1.8 Go-Live shall not occur unless: (a) milestones M1 to M5 have been achieved; (b) the Trust has approved its Data Protection Impact Assessment; and (c) the Trust Clinical Safety Officer has confirmed in writing that the Trust’s DCB0160 activities are sufficient. If any condition is unmet at the Planned Go-Live Date, that date is deferred to a date agreed by Change Control Note, and no licence charges accrue during the deferral.")

    B("SCHEDULE 2 — CHARGES")
    N("2.1 The Charges for the Initial Term are as follows (all figures exclusive of VAT):")
    docx_table(doc, ["Charge", "Basis", "Amount"], [
        ["Implementation and onboarding", "One-off; 50% on M3, 50% on M6", "£42,000"],
        ["FHIR integration with Cerner Millennium", "One-off; payable on M3", "£18,500"],
        ["Training (train-the-trainer, three days on site)", "One-off; payable on M5", "£4,200"],
        ["ScribeAssist licence", "Per Named User per month, monthly in arrears from Go-Live; minimum 40 Named Users", "£89"],
        ["Pilot Named Users", "Cardiology 22; Respiratory 20; Diabetes 18", "60 maximum"],
        ["Additional Named Users above 60", "By Change Control Note only", "£89 per Named User per month"],
    ])
    N("2.2 Based on 60 Named Users for ten months, licence charges are forecast at £53,400, giving total forecast "
      "Charges of £118,100. In no event shall the Charges for the Initial Term exceed the Maximum Pilot Charges of £128,000.")
    N("2.3 Indicative roll-out pricing (not binding): 500 to 1,999 Named Users £64, and 2,000 or more £57, per Named User per month, held until 31 December 2027.")
    N("2.4 The Supplier shall bear the cost of any retest required by the Trust where an independent penetration test "
      "identifies a critical or high severity finding attributable to the Service.")

    B("SCHEDULE 3 — SERVICE LEVELS")
    docx_table(doc, ["Ref", "Service Level", "Target", "Measurement"], [
        ["SL1", "Availability of ScribeAssist Mobile, Web and Integration Service", "99.5% in Core Hours", "Monthly"],
        ["SL2", "Draft Output available after end of recording (recordings up to 40 minutes)", "95% within 3 minutes", "Monthly"],
        ["SL3", "Priority 1 incident — response / resolution", "30 minutes, 24x7 / 4 hours", "Per incident"],
        ["SL4", "Priority 2 incident — response / resolution", "2 hours in Core Hours / 1 Business Day", "Per incident"],
        ["SL5", "Priority 3 incident — response / resolution", "1 Business Day / 10 Business Days", "Per incident"],
        ["SL6", "Notification of Personal Data Breach", "Within 24 hours of awareness", "Per breach"],
        ["SL7", "Remediation of vulnerabilities", "Critical 7 days; high 30 days; medium 90 days", "Per finding"],
    ])
    N("3.1 Service credits for SL1 are 5% of the monthly licence charges for each 0.5 percentage points (or part) by "
      "which availability falls below 99.5%, capped at 20% of the monthly licence charges and at 15% of the Charges in "
      "any Contract Year. Service credits are not an exclusive remedy.")
    N("3.2 A Critical Service Level Failure occurs if Core Hours availability falls below 97.0% in any month, or SL1 is missed in three consecutive months.")

    B("SCHEDULE 4 — DATA PROCESSING")
    N("4.1 Roles. The Trust is the Controller and the Supplier is the Processor. The Supplier shall process Personal Data only on the Trust’s documented instructions, as set out in this Schedule 4 or given in writing by the Trust Authorised Representative or Data Protection Officer.")
    N("4.2 Processing details:")
    docx_table(doc, ["Element", "Description"], [
        ["Subject matter", "Ambient recording, transcription and drafting of clinical documentation for outpatient Consultations"],
        ["Duration", "The Term and any Exit Period, and thereafter until deletion in accordance with Annex 4C"],
        ["Nature of processing", "Capture, encryption, transmission, storage, transcription, generation, display, editing, "
                                 "transmission to the electronic patient record, logging and deletion"],
        ["Data subjects", "Patients; relatives, carers, chaperones and interpreters present at a Consultation; Named Users "
                          "and other Trust staff; Trust system administrators"],
        ["Personal Data", "Audio Recordings; Transcripts; Draft Outputs and edits; patient name, NHS number, MRN, "
                          "date of birth, sex and appointment identifier (via FHIR); clinician name, role, Entra ID "
                          "object identifier, email and device identifier; consent confirmations; audit logs; support tickets"],
        ["Special category data", "Data concerning health; and any other special category data disclosed in a "
                                  "Consultation, which may include racial or ethnic origin, religious belief, sex life "
                                  "or sexual orientation, and genetic data"],
    ])
    N("4.3 The Supplier does not create voiceprints and shall not use any Audio Recording for the purpose of uniquely "
      "identifying a natural person. Speaker separation (diarisation) is performed within a single Audio Recording only.")
    N("4.4 Security. The Supplier shall maintain ISO/IEC 27001:2022 certification, Cyber Essentials Plus and a DSPT assessment of “Standards Met”, and shall encrypt Trust Data in transit (TLS 1.2 or higher) and at rest (AES-256), including on any Device.")
    N("4.5 Sub-processors. Only the Sub-processors in Annex 4B are authorised. The Supplier shall give not less than 60 days’ written notice of any addition or replacement; if a reasonable objection by the Trust is not resolved within 30 days, the Trust may terminate without charge.")
    N("4.6 International transfers. The Supplier shall not transfer Trust Data outside the United Kingdom, and shall "
      "not permit it to be accessed from outside the United Kingdom, except as set out in Annex 4B. Remote access by "
      "support personnel from outside the United Kingdom is a restricted transfer for the purposes of this paragraph.")
    N("4.7 Personnel. Support personnel of Veritext Inc. and Kliniq Support (Pty) Ltd shall not access Audio Recordings, Transcripts or Draft Outputs except at the Trust’s request or to restore the Service in a Priority 1 incident, through privileged access management with session recording, and each such access shall be reported to the Trust within one Business Day.")
    N("4.8 Personal Data Breach. The Supplier shall notify the Trust Cyber Security on-call number and the Trust Data Protection Officer without undue delay and in any event within 24 hours of becoming aware of a Personal Data Breach, with updates at least every 24 hours. The notification period in the Supplier’s standard data processing addendum does not apply.")
    N("4.9 No training or service improvement use. The Supplier shall not, and shall procure that its Sub-processors "
      "and Affiliates shall not, use any Trust Data — including Audio Recordings, Transcripts, Draft Outputs, edits made "
      "by Named Users and any data derived from any of them, whether or not de-identified, pseudonymised, anonymised or "
      "aggregated — to train, retrain, fine-tune, evaluate, benchmark or otherwise develop or improve any speech, "
      "language or other machine learning model, or for any purpose described by the Supplier as service improvement, "
      "product research or quality evaluation. The Supplier may use operational metrics that contain no content of a "
      "Consultation (such as latency, error counts and recording duration) solely to operate and support the Service. "
      "Breach of this paragraph 4.9 is a material breach that is not capable of remedy.")
    N("4.10 Retention and deletion. The Supplier shall retain and delete Trust Data in accordance with Annex 4C. The "
      "Trust may shorten any retention period by written instruction under paragraph 4.1; lengthening a period requires "
      "a Change Control Note.")
    N("4.11 Audit and assistance. The Trust may audit compliance with this Schedule 4 once in each Contract Year on "
      "30 days’ notice, and on 5 Business Days’ notice following a Personal Data Breach. The Supplier shall provide, "
      "within ten Business Days of request, information reasonably required for the Trust’s Data Protection Impact "
      "Assessment and DCB0160 work, including its DCB0129 Clinical Safety Case Report and hazard log.")

    B("Annex 4B — Authorised Sub-processors and transfers")
    docx_table(doc, ["Sub-processor", "Location of processing", "Activity", "Trust Data accessed", "Transfer mechanism"], [
        ["Amazon Web Services EMEA SARL", "AWS eu-west-2 (London); encrypted backup snapshots replicated to eu-west-1 (Ireland)",
         "Hosting, storage, compute; Amazon Bedrock model inference in eu-west-2", "All categories (encrypted)",
         "Ireland: UK adequacy regulations; no transfer to the USA authorised"],
        ["Veritext Inc.", "Boston, Massachusetts, USA (remote access only)",
         "Third-line support and site reliability engineering, principally 20:00–07:00 UK time",
         "By exception only, per paragraph 4.7", "UK Extension to the EU-US Data Privacy Framework; International Data Transfer Agreement as fallback"],
        ["Kliniq Support (Pty) Ltd", "Cape Town, South Africa (remote access only)",
         "First- and second-line service desk, 24x7", "Named User contact and account data; Consultation content by exception only, per paragraph 4.7",
         "International Data Transfer Agreement with transfer risk assessment"],
        ["Tessellate Service Desk Ltd", "Dublin, Ireland; hosted in EU (Frankfurt)", "Support ticket management",
         "Named User contact data; ticket text (must not contain patient data)", "UK adequacy regulations"],
    ])
    N("For the avoidance of doubt, Halcyon Labs, Inc. is not a Sub-processor. The Supplier has confirmed that, under "
      "the Amazon Bedrock service terms, Halcyon Labs, Inc. has no access to prompts, Transcripts or outputs processed "
      "for the Trust, which remain within AWS infrastructure in eu-west-2.")

    B("Annex 4C — Retention")
    docx_table(doc, ["Data", "Retention in the Service", "Deletion method"], [
        ["Audio Recordings (signed Consultations)", "Deleted no later than 7 days after Sign-off", "Automated deletion job; cryptographic erasure of object keys"],
        ["Audio Recordings (no Sign-off)", "Deleted 28 days after recording", "Automated deletion job"],
        ["Cached Audio Recordings on a Device", "Deleted on successful upload, and in any event within 24 hours", "On-device secure delete"],
        ["Transcripts", "90 days after Sign-off", "Automated deletion job"],
        ["Draft Outputs and edit history", "90 days after Sign-off", "Automated deletion job"],
        ["Signed letters and structured notes", "Filed in Cerner Millennium; Supplier copy deleted 90 days after Sign-off", "Automated deletion job"],
        ["Audit logs and consent confirmations", "24 months", "Automated deletion job"],
        ["Backups", "35-day rolling", "Expiry by rotation"],
        ["Support tickets", "12 months after closure", "Manual purge, quarterly"],
    ])
    N("The Transcript and Draft Output periods reflect the Trust’s instruction following the Programme Board meeting of "
      "24 September 2026 and are intended to allow retrospective quality review during the pilot.")

    B("SCHEDULE 5 — LIABILITY")
    N("5.1 Nothing in this Call-off Contract limits either party’s liability for death or personal injury caused by "
      "negligence, for fraud or fraudulent misrepresentation, for the Supplier’s indemnity against infringement of "
      "third-party intellectual property rights, or for any liability that cannot be limited by law.")
    N("5.2 Subject to paragraph 5.1, the Supplier’s aggregate liability for losses arising from breach of Schedule 4 or "
      "of the Data Protection Legislation shall not exceed £5,000,000. This cap is separate from and additional to the "
      "cap in paragraph 5.3.")
    N("5.3 Subject to paragraphs 5.1 and 5.2, each party’s aggregate liability in each Contract Year shall not exceed the "
      "greater of £1,000,000 and 150% of the Charges paid or payable in the 12 months preceding the event giving rise to "
      "the claim. The Trust’s obligation to pay Charges properly due is not limited by this paragraph.")
    N("5.4 Neither party is liable for indirect or consequential loss, but costs of notifying data subjects and the "
      "Information Commissioner, and of restoring Trust Data, are recoverable as direct losses.")
    N("5.5 The Supplier shall maintain professional indemnity cover of £5,000,000 and cyber and data liability cover of £10,000,000 for the Term and six years after.")

    B("SCHEDULE 6 — TERM, TERMINATION AND EXIT")
    N("6.1 If the Trust has not served a Roll-out Notice by the Roll-out Decision Point, this Call-off Contract expires at the end of the Initial Term and no termination or exit charge is payable.")
    N("6.2 The Trust may terminate for convenience on not less than 60 days’ written notice, paying only Charges properly incurred to the termination date.")
    N("6.3 Either party may terminate for material breach not remedied within 30 days of notice. The Trust may terminate immediately on a Critical Service Level Failure, breach of Schedule 4 paragraph 4.9, a restricted transfer not permitted by Annex 4B, or the Supplier’s insolvency.")
    N("6.4 The Supplier may terminate only if the Trust fails to pay undisputed Charges exceeding £10,000 within 60 days "
      "of written notice of non-payment. The Supplier has no right to terminate for convenience.")
    N("6.5 Exit. The Supplier shall deliver a draft Exit Plan within 30 days of the Effective Date. An Exit Period of "
      "up to three months applies on expiry or termination.")
    N("6.6 Within 20 Business Days of the start of the Exit Period the Supplier shall return all audit logs, consent confirmations and unsigned Draft Outputs in JSON and CSV. Audio Recordings shall not be returned but deleted under Annex 4C.")
    N("6.7 Within 30 days after the Exit Period the Supplier shall delete all remaining Trust Data, procure deletion by each Sub-processor and provide a certificate of deletion signed by a director. Backups expire by rotation within a further 35 days.")

    B("SIGNATURES")
    docx_table(doc, ["For the Trust", "For the Supplier"], [
        ["Signed: [signed]", "Signed: [signed]"],
        ["Andrew Kettlewell, Chief Finance Officer", "Marcus Feld, Managing Director, Veritext Health Ltd"],
        ["Date: 14 October 2026", "Date: 14 October 2026"],
    ])

    when = dt.datetime(2026, 10, 14, 16, 30, 0)
    set_core(doc, "Call-off Order Form and Schedules — ScribeAssist Pilot (NTH-DIG-2026-041)",
             "Helen Ashworth", "Contract schedule, execution version 3.0", when, 12,
             "ScribeAssist; Veritext; call-off contract")
    path = os.path.join(HERE, "contract-schedule.docx")
    doc.save(path)
    normalise_docx(path, (2026, 10, 14, 16, 30, 0))
    return path


# ---------------------------------------------------------------------------
# 2. dpia-draft.docx  (author: Tom Breckon, IG Officer, Office of the DPO)
# ---------------------------------------------------------------------------

def build_dpia():
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)

    H = doc.add_heading
    N = doc.add_paragraph

    def L(text):
        return doc.add_paragraph(text, style="List Bullet")

    H("Data Protection Impact Assessment: ScribeAssist Ambient Clinical Documentation Pilot", 0)
    N("Reference: IG-DPIA-2026-117    Version 0.4 (DRAFT)    10 November 2026")
    N("Author: Tom Breckon, Information Governance Officer (Data Protection), Office of the Data Protection Officer")
    N("Reviewers: Janet Moorcroft, Data Protection Officer; Dr Peter Hale, Caldicott Guardian")
    N("Status: Draft for comment. Not approved. Please do not circulate outside the ScribeAssist Programme Board "
      "and the Information Governance Steering Group, and please do not rely on this version as the Trust’s final "
      "assessment.")

    H("1. Document control", 1)
    docx_table(doc, ["Version", "Date", "Changes"], [
        ["0.1", "14 July 2026", "Screening questions and initial description from the tender documentation."],
        ["0.2", "11 August 2026", "Data flow added after the Veritext technical workshop on 5 August. Sub-processors listed from the Supplier’s standard DPA."],
        ["0.3", "16 September 2026", "Lawful basis section completed. Risk table added. Noted that draft contract v2.1 allowed “service improvement” use of de-identified data, and the Caldicott Guardian’s objection of 2 September."],
        ["0.4", "10 November 2026", "Updated for the executed contract (14 October). Retention section rewritten. Patient panel feedback added. Open items refreshed."],
    ])

    H("2. Summary", 1)
    N("The Trust intends to pilot ScribeAssist, an ambient documentation product supplied by Veritext Health Ltd, in "
      "three outpatient specialties at Northmoor Royal Infirmary: cardiology, respiratory medicine, and diabetes and "
      "endocrinology. A clinician opens the app on a phone or tablet, confirms the patient has been told about the "
      "recording, and records the consultation. The audio is transcribed by Veritext’s own speech model (VTX-Listen 4) "
      "and a large language model drafts a clinic letter and a structured note. The clinician reviews, edits and signs "
      "the draft, and the signed document is filed in the Trust’s electronic patient record (Oracle Health / Cerner "
      "Millennium). Nothing is filed without a clinician signing it.")
    N("The pilot is currently planned to start on 11 January 2027 with up to 60 clinicians. At the time of writing "
      "that date is under review by the Programme Board and I would not treat it as fixed. If the pilot is successful, "
      "a decision on Trust-wide roll-out to both hospitals is expected in autumn 2027, and this DPIA will need to be "
      "substantially revisited before that, not just re-dated.")
    N("My overall view at version 0.4 is that the processing can be carried out lawfully, but that residual risk is not "
      "yet acceptable because retention is unresolved, the South Africa transfer risk assessment has not been received, "
      "and the security testing has not been done. I do not expect we will need to consult the ICO under Article 36 "
      "provided the mitigations in section 12 are in place before go-live; that is a judgement for the DPO.")

    H("3. Why a DPIA is required", 1)
    N("Screening was completed in July 2026. A DPIA is mandatory here because the processing involves several of the "
      "ICO’s high-risk indicators at once:")
    L("large-scale processing of special category data (health), eventually across around 11,000 staff and several hundred thousand outpatient attendances a year;")
    L("innovative technology, namely speech recognition and generative AI;")
    L("recording of conversations in a setting where patients are vulnerable and may find it hard to say no;")
    L("processing of data about people who are not the patient, such as relatives, carers and interpreters;")
    L("remote access from outside the UK by the supplier’s support organisations.")
    N("Voice is not being used for biometric identification. Veritext has stated that it does not create voiceprints "
      "and the executed contract says the same (Schedule 4, paragraph 4.3), so I have not treated the audio as biometric "
      "data for Article 9 purposes. It is still health data because of what is said in it.")

    H("4. Description of the processing", 1)
    H("4.1 Data flow", 2)
    N("The data flow below is based on the Veritext workshop of 5 August 2026 and the architecture diagram in the "
      "Supplier’s security questionnaire response (v1.2). It has not yet been checked against the configured tenant, "
      "which does not exist yet.")
    for step in [
        "1. The clinician signs in to ScribeAssist Mobile with their Trust Microsoft Entra ID account. Conditional access requires a compliant, Intune-managed device and multi-factor authentication. Patients do not sign in to anything and NHS login is not used.",
        "2. The clinician selects the appointment. The Integration Service retrieves the patient’s name, NHS number, MRN, date of birth and sex, and the appointment details, from Cerner Millennium using FHIR R4.",
        "3. The clinician confirms on screen that the patient (and anyone else present) has been told and has not objected. This confirmation is written to the audit log.",
        "4. Audio is recorded on the device, encrypted, and streamed to Veritext’s platform in AWS London (eu-west-2). If the network drops, audio is cached on the device and uploaded later.",
        "5. VTX-Listen 4 produces a transcript with speaker labels (clinician / patient / other).",
        "6. The transcript and the appointment context are sent to a large language model (Halcyon Lumen, via Amazon Bedrock in eu-west-2) with a specialty template, which returns a draft clinic letter and a structured note.",
        "7. The clinician reviews and edits the draft in ScribeAssist Web and signs it. The signed letter is posted to Cerner as a FHIR DocumentReference and then follows the normal letter workflow.",
        "8. Audio, transcripts and drafts are deleted from the Veritext platform according to the retention schedule (section 8).",
    ]:
        N(step)

    H("4.2 Parties", 2)
    N("Northmoor Teaching Hospitals NHS Foundation Trust is the controller. Veritext Health Ltd (London) is the processor. "
      "Veritext Health Ltd is a subsidiary of Veritext Inc. (Boston, USA), which also provides out-of-hours engineering "
      "support. Sub-processors are covered in section 9.")

    H("5. Data subjects", 1)
    L("Patients attending pilot clinics (adults only in the pilot; paediatric clinics are excluded).")
    L("Relatives, carers, chaperones and friends who are in the room.")
    L("Professional interpreters, including telephone interpreters on speakerphone.")
    L("Trust clinicians using the product (consultants, registrars, specialist nurses) and any student or trainee present.")
    L("Trust administrators who manage users in the Admin Console.")
    N("We have assumed that third parties in the room are told about the recording at the same time as the patient. "
      "The clinician confirmation in step 3 covers “anyone else present”, but there is no separate record of who they were.")

    H("6. Categories of personal data", 1)
    N("Personal data processed by the Service:")
    L("Audio recordings of the consultation, including voices of everyone present.")
    L("Transcripts with speaker labels and timestamps.")
    L("Draft clinic letters and structured notes, and the clinician’s edit history.")
    L("Patient identifiers: name, NHS number, MRN, date of birth, sex, appointment ID, clinic code.")
    L("Clinician data: name, role, specialty, GMC/NMC number (shown in the letter footer), Entra ID object ID, email address, device ID.")
    L("Consent confirmations and audit logs (who did what, when, from which device).")
    L("Support tickets raised by staff.")
    N("Special category data: data concerning health in every case. Depending on the consultation, also racial or "
      "ethnic origin, religious beliefs (for example, in relation to blood products), sex life and sexual orientation, "
      "and genetic data (family history, genetic test results in cardiology). Criminal offence data is not expected but "
      "could be mentioned incidentally.")

    H("7. Lawful basis", 1)
    H("7.1 Article 6", 2)
    N("For patient and third-party data: Article 6(1)(e) UK GDPR, performance of a task carried out in the public "
      "interest or in the exercise of official authority, namely the provision of NHS healthcare under the National "
      "Health Service Act 2006. For staff data: Article 6(1)(e) as well, because staff use of the product is part of the "
      "Trust’s public task; Article 6(1)(c) also applies to the audit logs we are obliged to keep. We are not relying on "
      "consent under Article 6(1)(a) and the patient information leaflet must not say that we are.")
    H("7.2 Article 9", 2)
    N("Article 9(2)(h) UK GDPR (health or social care) together with the Data Protection Act 2018, Schedule 1, Part 1, "
      "paragraph 2 (health or social care purposes). The processing is carried out by or under the responsibility of "
      "health professionals subject to a duty of confidentiality, which satisfies Article 9(3) and section 11 of the "
      "DPA 2018. No appropriate policy document is needed for paragraph 2.")
    H("7.3 Confidentiality and transparency", 2)
    N("The common law duty of confidentiality is met by implied consent for direct care, on the basis that patients are "
      "told before recording and can say no. This is not the same thing as GDPR consent. The Caldicott Guardian has "
      "asked that refusal is genuinely easy: the clinician asks, the patient can decline without giving a reason, and "
      "declining has no effect on their care. Posters in clinic waiting areas, a line in the appointment letter and a "
      "short leaflet are planned. The appointment letter wording has been agreed; the leaflet and poster are with "
      "Communications for design and are not yet printed.")
    N("If a patient lacks capacity, the clinician should not record unless a person with authority to act for them has "
      "been told and has not objected; if in doubt, do not record. Dr Hale has asked for this to be in the clinician "
      "training and in the standard operating procedure.")

    H("8. Retention", 1)
    N("This has been the most contested part of the assessment, and section 8 has been rewritten for version 0.4. The "
      "executed contract (Schedule 4, Annex 4C, 14 October 2026) sets the retention periods below. The Caldicott "
      "Guardian’s position, set out in his email of 28 October 2026, is that audio should be deleted within 24 hours of "
      "the letter being signed, and that 7 days is longer than the Trust can justify. Helen Ashworth advises that the "
      "Trust can shorten a period by written instruction, but the programme would prefer a Change Control Note. Until "
      "that is agreed, the table shows both positions.")
    docx_table(doc, ["Data", "Executed contract (Annex 4C)", "Proposed / Trust position", "Status"], [
        ["Audio (signed)", "7 days after sign-off", "24 hours after sign-off (Caldicott Guardian)", "TBC — Programme Board 26 Nov"],
        ["Audio (never signed)", "28 days after recording", "28 days after recording", "Agreed"],
        ["Audio cached on device", "Deleted on upload; max 24 hours", "Same", "Agreed; to be verified in pen test"],
        ["Transcripts", "90 days after sign-off", "90 days after sign-off (Board decision 24 Sept)", "Agreed, but CG has asked for it to be revisited"],
        ["Drafts and edit history", "90 days after sign-off", "90 days after sign-off", "Agreed"],
        ["Signed letter in Cerner", "N/A (Trust record)", "Per Records Management Code of Practice 2023 (adult hospital record, 8 years after last treatment)", "No change to current practice"],
        ["Audit logs", "24 months", "24 months", "Agreed"],
        ["Backups", "35-day rolling", "35-day rolling", "Agreed"],
    ])
    N("The argument for keeping transcripts for 90 days is that the evaluation team wants to compare the transcript "
      "with the signed letter to look for omissions and hallucinations. The argument against is that the signed letter "
      "is the clinical record and the transcript is not, so keeping it longer creates a second, unofficial record that "
      "is disclosable under subject access but is not in the EPR. I think the second argument is stronger, but it is "
      "not my decision. If the transcript period is shortened, the evaluation will need a different method.")

    H("9. Processors, sub-processors and international transfers", 1)
    N("All primary processing and storage takes place in AWS Europe (London), eu-west-2. No data is stored outside the "
      "UK. The international element is remote access for support, plus the model provider.")
    docx_table(doc, ["Organisation", "Role", "Country", "Transfer safeguard", "Status"], [
        ["Veritext Health Ltd", "Processor", "UK", "N/A", "Contract executed 14 Oct 2026"],
        ["Amazon Web Services EMEA SARL", "Sub-processor (hosting, Bedrock)", "UK (eu-west-2)", "N/A", "Confirmed"],
        ["Veritext Inc.", "Sub-processor (out-of-hours support)", "USA", "UK Extension to EU-US DPF (Data Bridge); IDTA fallback", "DPF certification checked on 3 Nov 2026 — active"],
        ["Kliniq Support (Pty) Ltd", "Sub-processor (service desk)", "South Africa", "IDTA plus transfer risk assessment", "TRA requested 30 Sept; not received"],
        ["Halcyon Labs, Inc.", "Sub-processor (LLM provider)", "USA", "TBC", "Veritext to confirm whether Halcyon has any access to prompts"],
        ["Tessellate Service Desk Ltd", "Sub-processor (ticketing)", "Ireland / EU", "UK adequacy", "Confirmed"],
    ])
    N("Kliniq staff work a 24x7 rota from Cape Town and are the first point of contact when a clinician calls the "
      "Veritext service desk. Veritext says Kliniq cannot see consultation content except through break-glass access "
      "approved by the Trust. We have asked for the TRA and for evidence of Kliniq’s staff vetting, which is not covered "
      "by Veritext’s ISO 27001 certificate.")
    N("On model training: draft contract v2.1 included a clause allowing Veritext to use de-identified transcripts for "
      "“service improvement”. Dr Hale objected on 2 September 2026 and the Trust asked for the clause to be removed. "
      "Helen Ashworth has confirmed that the executed contract contains an outright prohibition on using any Trust data, "
      "de-identified or not, to train or improve models (Schedule 4, paragraph 4.9). I have not yet seen the signed "
      "copy and have marked this as done on the strength of her confirmation.")

    H("10. Necessity and proportionality", 1)
    N("The purpose is to reduce the time clinicians spend writing letters and to shorten the time to letters reaching "
      "GPs and patients (currently a median of 9 working days in the pilot specialties, and over 20 in some respiratory "
      "clinics). The pilot is limited to three specialties, one hospital, adults, face-to-face appointments and 60 users. "
      "Audio is kept only as long as needed to produce and check the letter. Less intrusive alternatives (dictation, "
      "medical secretaries, templates) are already in use and the pilot is intended to test whether the new approach is "
      "meaningfully better. Data minimisation is helped by the fact that only appointment context is pulled from Cerner, "
      "not the full record. Veritext has asked to pull the medication list as well to improve letter accuracy; that is "
      "not in scope for the pilot and would need this DPIA to be updated.")

    H("11. Consultation", 1)
    L("Caldicott Guardian: meetings on 2 September and 28 October 2026; comments incorporated.")
    L("Clinical Safety Officer (Claire Donnelly): consulted on the overlap between the hazard log and this DPIA; hazards involving wrong-patient context are referenced in both.")
    L("Northmoor Patient Voice Group: session on 14 October 2026 with 11 members. Most were positive; three said they would not want to be recorded; two asked whether the recording could be used against them in a complaint. Feedback has gone into the leaflet.")
    L("Staff side (joint negotiating committee): briefed on 21 October 2026; asked that audit logs are not used for performance management. Not yet resolved.")
    L("Head of Cyber Security (Sanjay Mehta): independent penetration test commissioned from Castlegate Assurance Ltd, scheduled for 2–13 November 2026.")

    H("12. Risks and mitigations", 1)
    docx_table(doc, ["ID", "Risk", "Inherent", "Mitigation", "Residual"], [
        ["R1", "Patient feels unable to refuse recording", "High", "Ask every time; easy refusal; leaflet and posters; training; opt-out rate monitored", "Medium"],
        ["R2", "Audio retained longer than necessary", "High", "Automated deletion; shorten to 24 hours (TBC); monthly deletion report", "Medium (TBC)"],
        ["R3", "Draft letter contains errors or invented content filed in the record", "High", "Mandatory clinician review and sign-off; hazard log controls; audit of sample letters", "Medium"],
        ["R4", "Wrong patient context attached to a recording", "Medium", "Appointment selected from Cerner; patient name shown on screen throughout", "Low"],
        ["R5", "Unauthorised access by overseas support staff", "High", "Break-glass only; PAM with session recording; report within 1 business day", "Medium"],
        ["R6", "Trust data used to train supplier or third-party models", "High", "Contractual prohibition (Sch 4 para 4.9); annual audit right", "Low"],
        ["R7", "Loss or theft of device with cached audio", "Medium", "Intune-managed devices; encryption on device; remote wipe; cache cleared on upload", "Low (pending pen test)"],
        ["R8", "Data breach at supplier not reported promptly", "Medium", "24-hour notification in contract", "Low"],
        ["R9", "Transcripts form a second record outside the EPR", "Medium", "Short retention; subject access procedure updated", "Medium"],
        ["R10", "Staff monitoring via audit logs", "Medium", "Agreement with staff side on permitted use of logs", "Medium (open)"],
    ])

    H("13. Items to be confirmed", 1)
    L("Audio retention: 24 hours or 7 days. Programme Board on 26 November 2026.")
    L("Transcript retention: confirm whether 90 days stands.")
    L("Kliniq transfer risk assessment and vetting evidence (requested 30 September).")
    L("Whether Halcyon Labs is a sub-processor at all, or whether Bedrock keeps it out of the data flow.")
    L("Penetration test results, in particular on-device encryption and the cache.")
    L("Whether relatives and interpreters need a separate confirmation in the app.")
    L("Use of audit logs by managers: agreement with staff side.")
    L("Privacy notice update for the Trust website: drafted, not published.")

    H("14. Progress: done and in progress", 1)
    N("Done: screening; data flow (subject to verification); lawful basis; patient panel consultation; contract "
      "prohibition on training (on the strength of Commercial’s confirmation); DPF status of Veritext Inc.; appointment "
      "letter wording.")
    N("In progress: retention; Kliniq TRA; leaflet and posters; privacy notice; staff side agreement; pen test "
      "(fieldwork under way at the time of writing).")
    N("Not started: verification of the configured tenant against this data flow; DPO formal advice; Caldicott "
      "Guardian sign-off; SIRO acceptance of residual risk.")

    H("15. DPO advice and sign-off", 1)
    N("DPO advice: [to be completed by Janet Moorcroft when version 1.0 is submitted].")
    N("Caldicott Guardian: [not yet signed].")
    N("SIRO acceptance of residual risk: [not yet signed].")

    when = dt.datetime(2026, 11, 10, 11, 15, 0)
    set_core(doc, "DPIA — ScribeAssist Ambient Clinical Documentation Pilot (v0.4 draft)",
             "Tom Breckon", "Data Protection Impact Assessment IG-DPIA-2026-117", when, 27,
             "DPIA; ScribeAssist; draft")
    path = os.path.join(HERE, "dpia-draft.docx")
    doc.save(path)
    normalise_docx(path, (2026, 11, 10, 11, 15, 0))
    return path


# ---------------------------------------------------------------------------
# PDF shared bits
# ---------------------------------------------------------------------------

SS = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=SS["Normal"], fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
CELL = ParagraphStyle("cell", parent=SS["Normal"], fontName="Helvetica", fontSize=8, leading=10, alignment=TA_LEFT)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=SS["Heading1"], fontName="Helvetica-Bold", fontSize=14, leading=17, spaceAfter=8)
H2 = ParagraphStyle("h2", parent=SS["Heading2"], fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=8, spaceAfter=4, keepWithNext=1)


def ruled_table(headers, rows, widths):
    data = [[Paragraph(esc(h), CELLB) for h in headers]]
    for r in rows:
        data.append([Paragraph(esc(c), CELL) for c in r])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def footer_factory(text):
    def _footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(18 * mm, 10 * mm, text)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()
    return _footer


# ---------------------------------------------------------------------------
# 3. security-questionnaire-response.pdf (author: Priya Natarajan, Veritext)
# ---------------------------------------------------------------------------

SQ_SECTIONS = [
    ("A. Organisation and governance", [
        ["A-01", "Provide the legal entity that will contract with the Trust and its ultimate parent.",
         "N/A", "Veritext Health Ltd (England & Wales, 12894410). Ultimate parent: Veritext Inc., Boston, MA, USA. A parent company guarantee can be provided."],
        ["A-02", "Do you hold current ISO/IEC 27001 certification covering the proposed service?",
         "Yes", "ISO/IEC 27001:2022, certificate VTX-ISMS-0419, issued by BSI, valid to 12 April 2028. Scope covers Veritext Inc. and Veritext Health Ltd, including the ScribeAssist platform. Subcontractors are outside scope."],
        ["A-03", "Do you hold Cyber Essentials Plus?", "Yes", "Veritext Health Ltd, certificate dated 19 March 2026, expires March 2027. Renewal assessment booked for February 2027."],
        ["A-04", "Have you completed the NHS Data Security and Protection Toolkit (DSPT)?", "Yes",
         "2025/26 assessment “Standards Met”, published 27 June 2026, organisation code 8KX41."],
        ["A-05", "Do you have a SOC 2 Type II report?", "Yes", "SOC 2 Type II (Security, Availability, Confidentiality), period 1 April 2025 – 31 March 2026. Available under NDA."],
        ["A-06", "Is there a named senior individual accountable for information security?", "Yes", "Daniel Reyes, CISO, Veritext Inc. UK information governance lead: Priya Natarajan."],
        ["A-07", "Do subcontractors who access customer data meet the same certification standards?", "Partially",
         "Kliniq Support (Pty) Ltd, Cape Town, is contractually bound to our security policies and audited annually by Veritext. It does not hold ISO 27001 in its own right; certification is on its roadmap for 2027."],
    ]),
    ("B. Data protection (DTAC C2)", [
        ["B-01", "Where will customer data be stored and processed?", "N/A",
         "Primary: AWS eu-west-2 (London). Encrypted backup snapshots are replicated to AWS eu-west-1 (Ireland) for disaster recovery. No customer data is stored in the USA."],
        ["B-02", "Will any personal data be accessed from outside the UK?", "Yes",
         "Remote support access from Boston, USA (Veritext Inc.) and Cape Town, South Africa (Kliniq). Access to consultation content is by exception only and logged."],
        ["B-03", "List all sub-processors.", "N/A",
         "Amazon Web Services; Veritext Inc.; Kliniq Support (Pty) Ltd; Tessellate Service Desk Ltd. Halcyon Labs, Inc. provides the model through Amazon Bedrock and does not receive customer data."],
        ["B-04", "What notice do you give of sub-processor changes?", "N/A", "30 days’ notice by email to the customer’s nominated contact, with the right to object."],
        ["B-05", "Do you use customer data to train or improve your models?", "No",
         "Audio is never used for training. Under our standard terms, de-identified transcripts may be used for quality evaluation within our Service Improvement Programme unless the customer opts out. Customers can opt out at contract signature."],
        ["B-06", "Are voice recordings used to create voiceprints or biometric templates?", "No", "Diarisation is performed within a recording only; no speaker embeddings are stored after transcription."],
        ["B-07", "What are your default retention periods?", "N/A",
         "Configurable per customer. Defaults: audio 30 days; transcripts and drafts 180 days; audit logs 12 months. We recommend audio is kept for at least 7 days after sign-off to allow re-generation if a clinician reports a problem."],
        ["B-08", "Within what time will you notify us of a personal data breach?", "N/A",
         "Without undue delay and within 48 hours of confirmation, in line with our standard data processing addendum."],
        ["B-09", "Can the customer request deletion of specific records?", "Yes", "Via the Admin Console or a support request; completion within 5 business days, including from search indexes. Backups expire within 35 days."],
        ["B-10", "Have you supported a customer DPIA for this product before?", "Yes", "Three NHS trusts and one private hospital group in 2025–26. Our DPIA support pack (v3) is attached."],
    ]),
    ("C. Technical security (DTAC C3)", [
        ["C-01", "Is customer data encrypted in transit?", "Yes", "TLS 1.2 minimum, TLS 1.3 preferred. HSTS enabled. Certificate pinning in the mobile apps."],
        ["C-02", "Is customer data encrypted at rest?", "Yes", "AES-256 via AWS KMS with Veritext-managed keys, rotated annually."],
        ["C-03", "Do you support customer-managed encryption keys?", "Roadmap Q3 2027", "Bring-your-own-key via AWS KMS external key store is planned. Not available for the 2027 pilot."],
        ["C-04", "Is single sign-on supported with Microsoft Entra ID?", "Yes", "OIDC with Entra ID. The customer controls MFA and conditional access policies."],
        ["C-05", "Is multi-factor authentication enforced for supplier administrators?", "Yes", "FIDO2 hardware keys for all production access, through our privileged access management tool with session recording."],
        ["C-06", "When was the last independent penetration test?", "Yes",
         "March 2026, Ironbridge Security (CREST). No critical findings; one high (session fixation in the web app) remediated and retested April 2026. We welcome a customer-commissioned test."],
        ["C-07", "Do you operate a vulnerability management process with defined remediation times?", "Yes", "Critical 14 days, high 30 days, medium 90 days. Dependency scanning on every build."],
        ["C-08", "Is there 24x7 security monitoring?", "Yes", "Managed detection and response with 24x7 coverage; alerts triaged by the Boston SRE team out of UK hours."],
        ["C-09", "Can audit logs be exported to the customer’s SIEM (e.g. Microsoft Sentinel)?", "Roadmap Q3 2027", "Currently available as a daily CSV export from the Admin Console. Near-real-time streaming is planned."],
        ["C-10", "Is the mobile app supported on managed devices (Intune)?", "Yes", "Intune MDM and MAM app protection policies supported on iOS and Android."],
        ["C-11", "Are personal (BYOD) devices supported?", "Yes", "Supported where the customer applies Intune MAM policies. Audio is held in the app sandbox only."],
        ["C-12", "What are the recovery time and recovery point objectives?", "N/A", "RTO 8 hours; RPO 1 hour. DR failover to eu-west-1 tested twice a year; last test 14 August 2026."],
        ["C-13", "Is there a web application firewall and DDoS protection?", "Yes", "AWS WAF and AWS Shield Standard."],
        ["C-14", "Is audio encrypted on the device, including when offline?", "Yes",
         "Audio is encrypted at rest using the platform keystore (iOS Keychain / Android Keystore) and removed from the device as soon as upload completes."],
        ["C-15", "Are session timeouts configurable?", "Partially", "Web session timeout is fixed at 12 hours of inactivity. Customer-configurable timeout is in progress for release 2.9."],
        ["C-16", "Are staff vetted?", "Partially", "UK staff: BS 7858 screening. US staff: criminal and employment background checks. Kliniq staff: criminal record check and reference checks; not BS 7858."],
    ]),
    ("D. Clinical safety (DTAC C1)", [
        ["D-01", "Do you comply with DCB0129?", "Yes", "Clinical Safety Case Report v2.0 (June 2026) and hazard log of 42 hazards. Clinical Safety Officer: Dr Hannah Voss (GMC registered)."],
        ["D-02", "Is the product a medical device under UK MDR 2002?", "N/A",
         "Our position is that ScribeAssist is not a medical device: its intended purpose is administrative documentation, and every output is reviewed by a clinician. We keep this under review as MHRA guidance on AI scribes develops."],
        ["D-03", "Will you support the customer’s DCB0160 work?", "Yes", "We provide a hazard log template, a joint hazard workshop and our CSCR. Customer hazards remain the customer’s responsibility."],
        ["D-04", "How do you monitor output accuracy and hallucination in live use?", "Partially",
         "Clinician edit rate and a ‘report a problem’ button are live. Automated detection of unsupported statements is in progress; currently a sampled manual review by our clinical team."],
        ["D-05", "Are clinicians prevented from filing an unreviewed draft?", "Yes", "Drafts cannot be sent to the EPR without an explicit sign-off action by the authenticated clinician."],
        ["D-06", "Which models are used, and how are model changes controlled?", "N/A",
         "Speech: VTX-Listen 4 (release 4.1). Generation: Halcyon Lumen 3.0 via Amazon Bedrock (eu-west-2). Model changes go through our change advisory board and regression suite of 1,200 synthetic consultations; customers are notified 14 days before a production change."],
    ]),
    ("E. Interoperability (DTAC C4)", [
        ["E-01", "Do you integrate with Oracle Health (Cerner Millennium)?", "Yes", "HL7 FHIR R4: Patient, Encounter and Appointment read; DocumentReference create. Live at two UK sites."],
        ["E-02", "Can structured note content be written to discrete EPR fields?", "Roadmap Q3 2027", "The structured note is currently filed as a document. Discrete write-back (e.g. problems, medications) is planned."],
        ["E-03", "Do you use NHS login for patients?", "N/A", "Patients do not use the product directly."],
        ["E-04", "Do you use the Personal Demographics Service?", "No", "Demographics are taken from the customer EPR."],
        ["E-05", "Do you support HL7 v2 messaging?", "No", "FHIR only."],
    ]),
    ("F. Usability and accessibility (DTAC D1)", [
        ["F-01", "Does the product meet WCAG 2.2 AA?", "Partially", "Independent audit July 2026: 6 issues in ScribeAssist Web (contrast, focus order). Remediation roadmap Q3 2027; 2 issues fixed in release 2.7."],
        ["F-02", "Is an accessibility statement published?", "Yes", "Published on our website, last reviewed July 2026."],
        ["F-03", "Is training provided?", "Yes", "Train-the-trainer, e-learning (25 minutes) and quick reference cards."],
    ]),
    ("G. Service and support", [
        ["G-01", "What are your support hours?", "Yes", "24x7 service desk (Kliniq, Cape Town); UK engineering 08:00–18:00; US engineering out of hours."],
        ["G-02", "What availability do you commit to?", "N/A", "99.9% monthly availability for ScribeAssist, excluding planned maintenance."],
        ["G-03", "Do you provide service credits?", "Yes", "Standard service credit regime per our Master Subscription Agreement."],
        ["G-04", "Do you provide an exit plan and data return?", "Yes", "Exit plan within 30 days of contract start. Data return in JSON/CSV. Certificate of deletion on request."],
        ["G-05", "Do you have a business continuity plan tested in the last 12 months?", "In progress", "BCP updated in May 2026; tabletop exercise scheduled for October 2026."],
    ]),
]


def build_questionnaire():
    path = os.path.join(HERE, "security-questionnaire-response.pdf")
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="Veritext response to NTH-SSQ v3.1 — ScribeAssist",
                            author="Priya Natarajan, Veritext Health Ltd",
                            subject="Supplier security and DTAC questionnaire response v1.2",
                            creator="Veritext Compliance", invariant=1)
    s = []
    s.append(Paragraph("Veritext Health Ltd", H2))
    s.append(Paragraph("Response to the Northmoor Teaching Hospitals NHS Foundation Trust Supplier Security and DTAC "
                       "Questionnaire (Trust reference NTH-SSQ v3.1)", H1))
    s.append(Paragraph("Product: ScribeAssist ambient clinical documentation, platform release 2.7<br/>"
                       "Response version 1.2 — 22 September 2026<br/>"
                       "Prepared by: Priya Natarajan, Security &amp; Compliance Lead, Veritext Health Ltd<br/>"
                       "Approved by: Daniel Reyes, Chief Information Security Officer, Veritext Inc.<br/>"
                       "Account Director: Olivia Grant", BODY))
    s.append(Spacer(1, 4))
    s.append(Paragraph("Introduction", H2))
    for t in [
        "Thank you for the opportunity to respond to the Trust’s questionnaire. This version (1.2) replaces version 1.1 "
        "of 2 September 2026 and reflects points raised by Sanjay Mehta, Head of Cyber Security, at our call on 15 "
        "September, in particular on remote support access and subcontractor vetting.",
        "Answers describe ScribeAssist as operated for UK NHS customers at release 2.7. Where we describe future "
        "capability as “Roadmap” or “In progress”, dates are our current plan and are given in good faith; they are not "
        "contractual commitments unless they are included in the Call-off Contract. Where this response differs from the "
        "contract agreed with the Trust, the contract will take precedence.",
        "Answer values used: Yes; No; Partially (some but not all of the requirement is met, see comment); N/A (the "
        "question asks for information rather than a yes/no answer, or does not apply); In progress (work has started "
        "and is not complete); Roadmap with a quarter (planned, not started or not yet available to customers). "
        "Supporting documents referred to are available in the Trust’s procurement portal under reference VTX-NTH-EVID.",
    ]:
        s.append(Paragraph(esc(t), BODY))
    widths = [14 * mm, 55 * mm, 22 * mm, 83 * mm]
    s.append(Paragraph("Responses", H2))
    data = [[Paragraph(h, CELLB) for h in ["ID", "Question", "Answer", "Comment / supporting evidence"]]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for title, rows in SQ_SECTIONS:
        n = len(data)
        data.append([Paragraph(esc(title), CELLB), "", "", ""])
        style.append(("SPAN", (0, n), (-1, n)))
        style.append(("BACKGROUND", (0, n), (-1, n), colors.Color(0.93, 0.93, 0.93)))
        for r in rows:
            data.append([Paragraph(esc(c), CELL) for c in r])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style))
    s.append(t)
    s.append(Paragraph("Summary of qualified answers", H2))
    s.append(ruled_table(["Area", "Current position", "Planned"], [
        ["Customer-managed keys (C-03)", "Veritext-managed AWS KMS keys", "Roadmap Q3 2027"],
        ["SIEM integration (C-09)", "Daily CSV export", "Roadmap Q3 2027"],
        ["Configurable session timeout (C-15)", "Fixed 12 hours", "In progress, release 2.9 (Q1 2027)"],
        ["Subcontractor certification (A-07)", "Contractual controls and annual audit", "Kliniq ISO 27001 in 2027"],
        ["Hallucination monitoring (D-04)", "Edit rate, problem reports, sampled review", "Automated detection, in progress"],
        ["Discrete EPR write-back (E-02)", "Document only", "Roadmap Q3 2027"],
        ["WCAG 2.2 AA (F-01)", "4 of 6 audit issues open", "Roadmap Q3 2027"],
        ["BCP exercise (G-05)", "Plan updated May 2026", "Tabletop October 2026"],
    ], [50 * mm, 62 * mm, 62 * mm]))
    s.append(Paragraph("Declaration", H2))
    s.append(Paragraph(esc(
        "We confirm that, to the best of our knowledge, the information in this response is accurate at the date "
        "above. We will notify the Trust if any answer materially changes before contract award. Questions on this "
        "response should be addressed to Priya Natarajan in the first instance, or to Olivia Grant on commercial "
        "matters."), BODY))
    s.append(Paragraph("Signed for Veritext Health Ltd: Daniel Reyes, CISO — 22 September 2026", BODY))
    foot = footer_factory("Veritext Health Ltd — Commercial in confidence — Response to NTH-SSQ v3.1 — v1.2")
    doc.build(s, onFirstPage=foot, onLaterPages=foot)
    return path


# ---------------------------------------------------------------------------
# 4. steering-minutes.pdf  (author: Gemma Whitfield, Programme Support Officer)
# ---------------------------------------------------------------------------

MINUTES_ITEMS = [
    ("1. Welcome, apologies and declarations of interest", [
        "AO welcomed members. Apologies were received from Dr Nadia Haddad; Lucy Tran attended for diabetes. No new "
        "declarations of interest were made. OG and DR joined by Teams for items 4 to 8 only and left the meeting before "
        "item 9.",
    ]),
    ("2. Minutes of the previous meeting and matters arising", [
        "The minutes of 29 October 2026 were approved as an accurate record subject to one correction: the Patient Voice "
        "Group session was held on 14 October, not 17 October. All actions from that meeting are reflected in the actions "
        "log below; PB-06-03 (patient leaflet) is carried forward.",
    ]),
    ("3. Programme status and timeline", [
        "RL reported that the programme is rated Amber/Red. The contract (version 3.0, executed 14 October) has a Planned "
        "Go-Live Date of 11 January 2027, which is no longer achievable. Three things have driven the slip: the penetration "
        "test findings (item 4), the Trust hazard log not yet being complete (item 6), and Oracle Health’s change freeze "
        "on the Cerner non-production domain from 7 to 18 December, which moves FHIR integration testing (milestone M3) "
        "to the week of 4 January 2027.",
        "RL proposed, and the Board agreed, a revised go-live of 8 February 2027 for cardiology and respiratory, with "
        "diabetes following on 1 March 2027. Diabetes goes second because its clinics use a different letter template that "
        "Veritext has not finished configuring, and because Dr Haddad is on leave in February. HA confirmed that under "
        "Schedule 1 paragraph 1.8 no licence charges accrue during a deferral caused by unmet go-live conditions, and that "
        "the new dates need a Change Control Note.",
        "As a result the evaluation report will move from 31 August to 30 September 2027, and the roll-out decision will go "
        "to the Trust Board meeting of 4 November 2027 rather than being taken by 30 September 2027 as the contract "
        "currently states. HA will include the Roll-out Decision Point in the same Change Control Note (CCN-002).",
    ]),
    ("4. Penetration test results", [
        "SM presented the Castlegate Assurance Ltd report, issued on 20 November following fieldwork from 2 to 13 "
        "November. There were no critical findings, 2 high, 5 medium and 9 low. The two highs were:",
        "H-1: an insecure direct object reference in the draft letter API, which allowed a signed-in clinician to open "
        "another clinician’s draft within the Trust tenant by changing an identifier. No cross-tenant access was possible. "
        "Veritext deployed a fix on 24 November and Castlegate will retest on 3 December.",
        "H-2: on Android, when the app is in offline mode, the cached audio file is written to app storage unencrypted "
        "before upload. This is inconsistent with Veritext’s questionnaire answer C-14, which said audio is encrypted on "
        "the device including offline. DR accepted that the answer was wrong for Android and apologised; iOS is not "
        "affected. A fix is planned for app release 2.8, targeted for 11 December.",
        "Of the medium findings, the one of most concern to SM is the 12-hour web session timeout (M-4), which does not "
        "meet the Trust standard of 30 minutes of inactivity for clinical systems. Veritext’s configurable timeout is due "
        "in release 2.9, which OG said is now expected in March 2027. SM said he could accept M-4 for the pilot only if "
        "ScribeAssist Web is used on Trust desktops that already lock after 10 minutes.",
        "The Board decided that go-live is conditional on both high findings being fixed and passing retest, and on a "
        "written remediation plan with dates for all medium findings. Under Schedule 2 paragraph 2.4, Veritext will pay "
        "for the retest; OG confirmed this.",
    ]),
    ("5. Devices: reversal of the BYOD decision", [
        "At its meeting of 24 September 2026 the Board agreed (decision PB-05-D2) that clinicians could use their own iOS "
        "or Android phones for the pilot, provided the ScribeAssist app was protected by Intune app protection policies. "
        "In the light of H-2, SM and PH recommended that this be reversed. Dr Pryce said some respiratory consultants "
        "would be disappointed, as they had been looking forward to using their own phones in clinic.",
        "The Board reversed decision PB-05-D2. For the pilot, only Trust-owned, Intune-enrolled iPhones and iPads may be "
        "used; personal devices and Android devices are not permitted, even after release 2.8. The Board will reconsider "
        "Android for any roll-out once the H-2 fix has been retested and has been in live use elsewhere for at least three "
        "months. RL estimated 45 additional iPads are needed; MI confirmed the cost (about £16,200) can be met from the "
        "Digital capital devices budget rather than the pilot budget.",
    ]),
    ("6. Clinical safety", [
        "CD reported that Veritext’s DCB0129 Clinical Safety Case Report has been updated to version 2.1 (6 November 2026), "
        "replacing the v2.0 referred to in the questionnaire. The Trust DCB0160 hazard log has 34 hazards identified, of "
        "which 21 have been fully assessed and 13 are outstanding. The outstanding hazards are mostly about workflow: "
        "letters sent to GPs before sign-off is complete (prevented by design, but needs evidence); dictated addenda "
        "being lost; and clinic templates for diabetes. The Trust Clinical Safety Case Report has not been started and is "
        "planned for drafting by 15 January 2027, for CD to sign before go-live.",
        "The highest-rated hazards remain: HAZ-03, invented examination findings appearing in a draft; HAZ-07, a change in "
        "medication dose omitted from the letter; HAZ-11, wrong laterality (left/right); and HAZ-14, the wrong patient "
        "context being attached to a recording. AO stressed that the mitigation for all four depends on clinicians actually "
        "reading the whole draft. The Board agreed that, for the first four weeks after each specialty goes live, the "
        "specialty lead will review 10% of signed letters against the clinician’s recollection and the transcript, and "
        "report findings to this Board.",
        "CD also raised the medical device question. Veritext’s position (questionnaire D-02) is that ScribeAssist is not a "
        "medical device. CD is not yet satisfied, because the structured note includes a ‘plan’ section generated by the "
        "model. OG agreed to provide a written intended purpose statement and Veritext’s regulatory rationale by 11 December.",
    ]),
    ("7. Information governance and the DPIA", [
        "JM reported that the DPIA is at version 0.4 (10 November) and has not been submitted for approval. Two corrections "
        "are needed. First, v0.4 says no data is stored outside the UK, but the contract (Annex 4B) and the questionnaire "
        "(B-01) both say encrypted backups are replicated to AWS eu-west-1 in Ireland. Ireland is covered by UK adequacy "
        "regulations, so this is a correction rather than a new risk. Second, v0.4 lists Halcyon Labs as a US sub-processor; "
        "the executed contract states it is not a sub-processor because Bedrock keeps prompts and outputs within AWS. JM "
        "will ask Veritext for the Bedrock terms that support this before she accepts it.",
        "Kliniq’s transfer risk assessment was received on 19 November and is being reviewed. JM noted that Kliniq staff are "
        "not vetted to BS 7858 and are outside Veritext’s ISO 27001 scope; she is content provided the break-glass controls "
        "in Schedule 4 paragraph 4.7 work as described, and has asked to see the first monthly report of overseas access.",
        "On breach notification, JM noted the questionnaire (B-08) says 48 hours from confirmation. The executed contract "
        "says 24 hours from awareness and expressly disapplies Veritext’s standard addendum. DR confirmed that Veritext’s "
        "incident runbook for the Northmoor tenant has been updated to 24 hours.",
        "PH welcomed the fact that the executed contract prohibits any use of Trust data for training or ‘service "
        "improvement’ (Schedule 4 paragraph 4.9), replacing the clause in draft v2.1, and thanked HA. He noted that "
        "questionnaire answer B-05 still describes the opt-out Service Improvement Programme; OG confirmed that the Trust "
        "tenant is excluded from it and that no Northmoor data has been processed, since the tenant has not yet been "
        "provisioned with live data.",
    ]),
    ("8. Retention of audio and transcripts", [
        "This item was discussed at length. PH restated his view that audio should be deleted within 24 hours of sign-off; "
        "the contract says 7 days. OG said 7 days allowed a draft to be regenerated if a clinician reported a problem soon "
        "after signing. AO said that in practice problems are spotted before sign-off, and that the signed letter, not the "
        "audio, is the record. The Board agreed audio will be deleted no later than 24 hours after sign-off.",
        "On transcripts, at the September meeting the Board agreed 90 days (decision PB-05-D3) to support the evaluation, "
        "and that figure went into the contract. JM and PH argued that a 90-day transcript is effectively a second record "
        "outside the EPR. The evaluation lead has since confirmed that the 10% letter review (item 6) can be done within 30 "
        "days. The Board reversed PB-05-D3: transcripts, drafts and edit history will be deleted 30 days after sign-off.",
        "HA noted that because both changes shorten a retention period, a written instruction from the Trust under Schedule "
        "4 paragraph 4.10 would be enough, but she will record them in CCN-002 together with the dates so that Annex 4C is "
        "corrected in one place. Until CCN-002 is signed, the contract figures (7 days and 90 days) remain the contractual "
        "position, although no live data will exist before go-live.",
    ]),
    ("9. Model versions and change freeze", [
        "OG and DR had reported before leaving that the pilot tenant will run VTX-Listen 4.2.3 and Halcyon Lumen 3.1 (the "
        "questionnaire referred to 4.1 and 3.0). Veritext intends to move customers to Halcyon Lumen 3.5 and VTX-Listen 4.3 "
        "in the first quarter of 2027. The Board decided there will be no model change in the Northmoor tenant until 30 "
        "April 2027, and that any later change must be notified 30 days in advance (as the contract requires, rather than "
        "the 14 days in the questionnaire) and re-validated against the Trust’s set of 50 role-played consultations before "
        "it is accepted.",
    ]),
    ("10. Finance", [
        "MI reported forecast pilot costs of £131,600 against the approved budget of £140,000: contract charges of £118,100, "
        "Trust backfill for training £9,300, and printing and patient materials £4,200. The go-live slip reduces licence "
        "charges by about £5,300 in 2026/27 because no charges accrue before go-live; the forecast above has not yet been adjusted for this. The iPads (item 5) are outside this "
        "figure. Veritext has not raised any invoice to date.",
    ]),
    ("11. Risks", [
        "RL presented the top programme risks. R-01 go-live further delayed by retest or hazard log (score 16, up from 12). "
        "R-04 clinicians do not read the whole draft (score 15). R-07 patients feel unable to refuse (score 10). R-09 "
        "supplier roadmap items (SIEM export, customer-managed keys) not available before roll-out decision (score 12, new). "
        "R-02 Cerner integration testing window has been closed as a risk now the January slot is confirmed.",
    ]),
    ("12. Any other business and next meeting", [
        "No other business. The next meeting is on Thursday 17 December 2026 at 14:00, by Teams.",
    ]),
]

MINUTES_DECISIONS = [
    ["PB-07-D1", "Revised go-live: 8 February 2027 (cardiology, respiratory); 1 March 2027 (diabetes). Roll-out decision to Trust Board 4 November 2027. CCN-002 to be raised."],
    ["PB-07-D2", "Go-live conditional on high findings H-1 and H-2 closed and retested, and a dated plan for all medium findings."],
    ["PB-07-D3", "Decision PB-05-D2 (BYOD) reversed. Trust-owned, Intune-enrolled iPhones and iPads only for the pilot."],
    ["PB-07-D4", "10% review of signed letters by specialty leads for the first four weeks after each go-live."],
    ["PB-07-D5", "Audio deleted no later than 24 hours after sign-off."],
    ["PB-07-D6", "Decision PB-05-D3 reversed. Transcripts, drafts and edit history deleted 30 days after sign-off."],
    ["PB-07-D7", "No model change in the Northmoor tenant before 30 April 2027; 30 days’ notice and re-validation thereafter."],
]

MINUTES_ACTIONS = [
    ["PB-06-03", "Finalise and print patient leaflet and waiting-area posters", "RL", "15 Jan 2027", "Carried forward"],
    ["PB-06-05", "Obtain Kliniq transfer risk assessment", "JM", "30 Nov 2026", "Complete"],
    ["PB-06-07", "Confirm Veritext Inc. DPF certification status", "TB", "6 Nov 2026", "Complete"],
    ["PB-07-01", "Raise CCN-002 (go-live dates, Roll-out Decision Point, retention Annex 4C)", "HA", "4 Dec 2026", "Open"],
    ["PB-07-02", "Retest of H-1 and H-2 and written medium-findings plan", "SM / DR", "18 Dec 2026", "In progress"],
    ["PB-07-03", "Order 45 Trust iPads and enrol in Intune", "RL", "15 Jan 2027", "Open"],
    ["PB-07-04", "Complete assessment of outstanding 13 hazards", "CD", "18 Dec 2026", "In progress"],
    ["PB-07-05", "Draft Trust DCB0160 Clinical Safety Case Report", "CD", "15 Jan 2027", "Not started"],
    ["PB-07-06", "Provide intended purpose statement and regulatory rationale", "OG", "11 Dec 2026", "Open"],
    ["PB-07-07", "Update DPIA to v0.5 (backups in Ireland, Halcyon status, retention decisions)", "TB", "11 Dec 2026", "Open"],
    ["PB-07-08", "Obtain Bedrock service terms supporting Halcyon non-access", "JM", "11 Dec 2026", "Open"],
    ["PB-07-09", "Agree letter review method and template with specialty leads", "AO", "17 Dec 2026", "Open"],
    ["PB-07-10", "Confirm web session timeout mitigation on Trust desktops", "SM", "17 Dec 2026", "Open"],
]


def build_minutes():
    path = os.path.join(HERE, "steering-minutes.pdf")
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="ScribeAssist Pilot Programme Board — minutes 26 November 2026",
                            author="Gemma Whitfield, Programme Support Officer",
                            subject="Programme Board meeting 7", creator="Digital Transformation PMO", invariant=1)
    s = []
    s.append(Paragraph("Northmoor Teaching Hospitals NHS Foundation Trust", H2))
    s.append(Paragraph("ScribeAssist Pilot Programme Board — Minutes of meeting 7", H1))
    s.append(Paragraph("Thursday 26 November 2026, 14:00–16:10, Boardroom 2, Northmoor Royal Infirmary and Microsoft Teams", BODY))
    s.append(Paragraph("Status: approved by the Chair for circulation, 1 December 2026. To be formally approved at the next meeting.", BODY))
    s.append(Paragraph("Present", H2))
    s.append(ruled_table(["Name", "Role", "Initials"], [
        ["Dr Amara Okonkwo (Chair)", "Chief Clinical Information Officer; clinical lead", "AO"],
        ["Rhys Llewellyn", "Programme Manager", "RL"],
        ["Dr Peter Hale", "Caldicott Guardian", "PH"],
        ["Janet Moorcroft", "Data Protection Officer", "JM"],
        ["Sanjay Mehta", "Head of Cyber Security", "SM"],
        ["Claire Donnelly", "Clinical Safety Officer (Digital)", "CD"],
        ["Helen Ashworth", "Senior Commercial Manager (Digital)", "HA"],
        ["Mark Ibbotson", "Finance Business Partner", "MI"],
        ["Dr Farah Siddiqui", "Consultant Cardiologist; cardiology pilot lead", "FS"],
        ["Dr Owen Pryce", "Consultant in Respiratory Medicine; respiratory pilot lead", "OP"],
        ["Lucy Tran", "Diabetes Specialist Nurse (for Dr Haddad)", "LT"],
        ["Tom Breckon", "Information Governance Officer (items 7–8)", "TB"],
    ], [55 * mm, 90 * mm, 20 * mm]))
    s.append(Paragraph("In attendance: Olivia Grant, Account Director, Veritext Health Ltd (OG); Daniel Reyes, CISO, "
                       "Veritext Inc. (DR), items 4–8 by Teams. Minutes: Gemma Whitfield, Programme Support Officer.<br/>"
                       "Apologies: Dr Nadia Haddad, Consultant in Diabetes and Endocrinology; Ben Aldridge, EPR Integration Lead.", BODY))
    for title, paras in MINUTES_ITEMS:
        s.append(Paragraph(esc(title), H2))
        for p in paras:
            s.append(Paragraph(esc(p), BODY))
    s.append(Paragraph("Decisions", H2))
    s.append(ruled_table(["Ref", "Decision"], MINUTES_DECISIONS, [22 * mm, 148 * mm]))
    s.append(Spacer(1, 6))
    s.append(Paragraph("Actions log", H2))
    s.append(ruled_table(["Ref", "Action", "Owner", "Due", "Status"], MINUTES_ACTIONS,
                         [20 * mm, 88 * mm, 18 * mm, 22 * mm, 22 * mm]))
    foot = footer_factory("ScribeAssist Pilot Programme Board — 26 November 2026 — OFFICIAL-SENSITIVE")
    doc.build(s, onFirstPage=foot, onLaterPages=foot)
    return path


# ---------------------------------------------------------------------------
# 5. clinical-safety-and-controls-log.csv  (maintained by Claire Donnelly, CSO)
# ---------------------------------------------------------------------------

LOG_ROWS = [
    ["HAZ-03", "Clinical safety", "Draft contains examination findings not said in consultation", "Residual risk <= 3 (low) before go-live", "In progress", "C Donnelly", "2027-01-15", "Control: full read before sign-off + 10% review wks 1-4 (PB-07-D4). Supplier CSCR v2.1 rates 4; Trust rates 6 until review data exists"],
    ["HAZ-07", "Clinical safety", "Medication dose change omitted from letter", "Residual risk <= 3", "In progress", "Dr F Siddiqui", "2027-01-15", "Cardiology template to add explicit medications-changed section. Not yet configured by Veritext"],
    ["HAZ-11", "Clinical safety", "Wrong laterality (left/right) in letter", "Residual risk <= 3", "Complete", "C Donnelly", "2026-11-30", "Accepted at 3 with training + review. Re-open if seen in 10% review"],
    ["HAZ-14", "Clinical safety", "Recording attached to wrong patient context", "Residual risk <= 2", "Complete", "B Aldridge", "2026-11-27", "Appointment picked from Cerner worklist; name/DOB banner on screen throughout. Verified in demo tenant only"],
    ["HAZ-19", "Clinical safety", "Letter sent to GP before clinician sign-off", "Zero occurrences", "In progress", "B Aldridge", "2027-01-08", "Prevented by design per supplier; evidence needed from FHIR testing in CERT domain (w/c 04/01/2027)"],
    ["HAZ-22", "Clinical safety", "Interpreter-mediated consultation transcribed inaccurately", "SOP in place", "Not started", "Dr A Okonkwo", "2027-01-22", "Supplier gives no accuracy warranty for non-English (Sch 1 para 1.5). Proposal: do not record interpreter consultations in pilot"],
    ["HAZ-LOG", "Clinical safety", "Trust DCB0160 hazard log complete", "34 of 34 hazards assessed", "In progress", "C Donnelly", "2026-12-18", "26 of 34 assessed at 04/12/2026 (21 at Board 26/11). 8 outstanding, mostly diabetes workflow"],
    ["CSCR-T", "Clinical safety", "Trust Clinical Safety Case Report (DCB0160)", "Signed by CSO before go-live", "Not started", "C Donnelly", "2027-01-15", "Depends on HAZ-LOG. Go-live condition under Sch 1 para 1.8(c)"],
    ["CSCR-S", "Clinical safety", "Supplier DCB0129 CSCR received and reviewed", "Current version on file", "Complete", "C Donnelly", "2026-11-13", "v2.1 dated 06/11/2026 received 09/11. Supersedes v2.0 cited in questionnaire D-01"],
    ["MDR-01", "Regulatory", "Medical device qualification of ScribeAssist", "Written position agreed", "In progress", "O Grant", "2026-12-11", "Supplier says not a device (SSQ D-02). CSO not satisfied re generated 'plan' section. Intended purpose statement awaited"],
    ["SEC-01", "Security", "Pen test H-1 IDOR in draft letter API", "Closed and retested", "Complete", "S Mehta", "2026-12-03", "Fix deployed 24/11; Castlegate retest passed 03/12/2026"],
    ["SEC-02", "Security", "Pen test H-2 Android offline cache unencrypted", "Closed and retested", "In progress", "D Reyes", "2026-12-09", "App 2.8.0 delivered 02/12 (ahead of 11/12 target). Retest booked 09/12. Android not used in pilot regardless (PB-07-D3)"],
    ["SEC-03", "Security", "Pen test medium findings (5)", "Dated remediation plan", "In progress", "D Reyes", "2026-12-18", "3 of 5 fixed. M-4 session timeout 12h vs Trust 30 min: accepted for pilot on Trust desktops with 10-min lock; fix in rel 2.9 (Mar 2027)"],
    ["SEC-04", "Security", "Entra ID SSO and conditional access (compliant device + MFA)", "Configured and tested", "Complete", "S Mehta", "2026-12-11", "M2 achieved 02/12/2026"],
    ["SEC-05", "Security", "Audit log export to Microsoft Sentinel", "Near-real-time feed", "Blocked", "S Mehta", "2027-09-30", "Supplier roadmap Q3 2027. Interim: daily CSV export reviewed weekly by SOC"],
    ["SEC-06", "Security", "Customer-managed encryption keys", "BYOK in place before roll-out", "Not started", "S Mehta", "2027-09-30", "Roadmap Q3 2027 per SSQ C-03. Not required for pilot"],
    ["DEV-01", "Devices", "Pilot devices Trust-owned iOS only", "45 iPads enrolled in Intune", "In progress", "R Llewellyn", "2027-01-15", "PB-07-D3 reverses BYOD decision PB-05-D2. PO raised 01/12; delivery w/c 04/01/2027"],
    ["IG-01", "Information governance", "DPIA approved by DPO, CG sign-off, SIRO acceptance", "Approved v1.0", "In progress", "J Moorcroft", "2027-01-22", "v0.4 (10/11) out of date. v0.5 due 11/12 to fix backup region (eu-west-1) and Halcyon status. Go-live condition Sch 1 para 1.8(b)"],
    ["IG-02", "Information governance", "Audio retention", "Deleted <= 24h after sign-off", "In progress", "H Ashworth", "2026-12-04", "PB-07-D5. Contract Annex 4C still says 7 days until CCN-002 signed. Supplier to evidence deletion job"],
    ["IG-03", "Information governance", "Transcript, draft and edit history retention", "Deleted 30 days after sign-off", "In progress", "H Ashworth", "2026-12-04", "PB-07-D6 reverses 90 days (PB-05-D3). CCN-002 sent to Veritext 03/12; awaiting signature"],
    ["IG-04", "Information governance", "No training / service improvement use of Trust data", "Contract clause in force", "Complete", "H Ashworth", "2026-10-14", "Sch 4 para 4.9 executed contract. Supplier confirmed Northmoor tenant excluded from Service Improvement Programme"],
    ["IG-05", "Information governance", "Kliniq (Cape Town) transfer risk assessment", "TRA accepted by DPO", "In progress", "J Moorcroft", "2026-12-18", "TRA received 19/11. Vetting not BS 7858; reliance on break-glass PAM. Want first monthly overseas-access report"],
    ["IG-06", "Information governance", "Patient leaflet, posters, appointment letter line", "All in use at go-live", "In progress", "R Llewellyn", "2027-01-15", "Letter wording live for Feb clinics. Leaflet with Comms; posters not printed"],
    ["IG-07", "Information governance", "Breach notification 24h runbook at supplier", "Runbook evidenced", "Complete", "D Reyes", "2026-11-26", "Contract SL6 24h supersedes SSQ B-08 48h. Runbook screenshot received"],
    ["MOD-01", "Model governance", "Model change freeze and re-validation", "No change before 30/04/2027", "Complete", "Dr A Okonkwo", "2026-11-26", "PB-07-D7. Tenant on VTX-Listen 4.2.3 + Halcyon Lumen 3.1. 50 role-played consultations for re-validation: 32 recorded so far"],
    ["PRG-01", "Programme", "Go-live cardiology and respiratory", "Live 08/02/2027", "In progress", "R Llewellyn", "2027-02-08", "Was 11/01/2027 in contract. Diabetes 01/03/2027. Conditional on SEC-01/02, HAZ-LOG, CSCR-T, IG-01"],
    ["PRG-02", "Programme", "Roll-out decision paper", "Trust Board 04/11/2027", "Not started", "R Llewellyn", "2027-10-15", "Contract Roll-out Decision Point 30/09/2027 to move via CCN-002"],
]


def build_log():
    path = os.path.join(HERE, "clinical-safety-and-controls-log.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "area", "item", "target", "status", "owner", "due", "notes"])
        for r in LOG_ROWS:
            w.writerow(r)
    return path


if __name__ == "__main__":
    for fn in (build_contract, build_dpia, build_questionnaire, build_minutes, build_log):
        print(fn())
