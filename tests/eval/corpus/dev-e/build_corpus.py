#!/usr/bin/env python3
"""Build the dev-e evaluation corpus (Brightwater Homes / Abode360).

All text is held in this script. Running it regenerates:
  contract-schedule.docx, dpia-draft.docx, security-questionnaire-response.pdf,
  steering-minutes.pdf and controls-tracker.csv
Output is deterministic (fixed core properties, fixed zip timestamps,
reportlab invariant mode), so two runs give byte-identical files.
"""
import csv
import datetime as dt
import io
import os
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Cm, RGBColor

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table,
                                TableStyle, CondPageBreak)

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------
# Shared helpers
# ----------------------------------------------------------------------------

def normalise_docx(path, stamp):
    """Rewrite a .docx so every zip member carries the same fixed timestamp."""
    with open(path, "rb") as fh:
        data = fh.read()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 3
            dst.writestr(zi, src.read(info.filename))
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def set_core(doc, author, title, when, subject="", keywords="", comments="",
             last_modified_by=None, revision=1, category="", created=None):
    cp = doc.core_properties
    cp.author = author
    cp.title = title
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = comments
    cp.category = category
    cp.last_modified_by = last_modified_by or author
    cp.revision = revision
    cp.created = created or when
    cp.modified = when
    cp.last_printed = when


def base_font(doc, name="Arial", size=10):
    st = doc.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)
    pf = st.paragraph_format
    pf.space_after = Pt(4)
    pf.space_before = Pt(0)


def shade(cell, hex_fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tcPr.append(shd)


def docx_table(doc, rows, widths=None, header=True, size=9, fill="D9D9D9"):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(str(val))
            run.font.size = Pt(size)
            if header and i == 0:
                run.bold = True
                shade(cell, fill)
            if widths:
                cell.width = widths[j]
    doc.add_paragraph()
    return t


# ----------------------------------------------------------------------------
# 1. Contract order form and schedules (bold hand-numbered headings)
# ----------------------------------------------------------------------------

CONTRACT_TITLE = "Abode360 Order Form and Special Conditions"

CONTRACT_FRONT = [
    ("centre_bold", "ORDER FORM No. MCS-OF-2026-0417"),
    ("centre_bold", "ABODE360 HOUSING OPERATIONS PLATFORM"),
    ("centre", "ORDER FORM AND SPECIAL CONDITIONS (INCLUDING SERVICE LEVELS, DATA "
               "PROCESSING PARTICULARS AND COMMERCIAL SCHEDULE)"),
    ("centre", "between"),
    ("centre_bold", "BRIGHTWATER HOMES LIMITED"),
    ("centre", "and"),
    ("centre_bold", "MERIDIAN CIVIC SOFTWARE LTD"),
    ("centre", "made under the Meridian Master Subscription Agreement version 4.2"),
    ("centre_bold", "EXECUTION VERSION"),
]

CONTRACT_DOC_CONTROL = [
    ["Item", "Detail"],
    ["Brightwater reference", "BWH/LEG/2026/118"],
    ["Meridian reference", "MCS-OF-2026-0417"],
    ["Version", "Execution version (based on Draft 7 agreed 4 December 2026)"],
    ["Prepared by", "Fiona Armstrong, Head of Legal & Governance, Brightwater Homes"],
    ["Date", "10 December 2026"],
]

CONTRACT_PARTIES = [
    "THIS ORDER FORM is dated 10 December 2026 (being the date of the last signature "
    "below) and is made BETWEEN:",
    "(1) BRIGHTWATER HOMES LIMITED, a registered society under the Co-operative and "
    "Community Benefit Societies Act 2014 (registered number 31245R) and a registered "
    "provider of social housing (Regulator of Social Housing number L4672), whose "
    "registered office is at Quayside House, 40 Broad Chare, Newcastle upon Tyne NE1 3DQ "
    "(\"Brightwater\" or the \"Customer\"); and",
    "(2) MERIDIAN CIVIC SOFTWARE LTD, a company incorporated in England and Wales "
    "(company number 10934418) whose registered office is at 5th Floor, Calder House, "
    "31 Kirkstall Road, Leeds LS3 1LH (\"Meridian\" or the \"Supplier\"), a wholly "
    "owned subsidiary of Meridian Civic Holdings Inc. of Toronto, Ontario, Canada.",
    "BACKGROUND",
    "(A) Meridian provides a software-as-a-service housing operations platform known as "
    "Abode360.",
    "(B) Brightwater awarded this contract following a competitive flexible procedure under "
    "the Procurement Act 2023 (reference BWH-PROC-0093).",
    "(C) The Supplier's Master Subscription Agreement version 4.2 (the \"MSA\") applies, "
    "as amended by this Order Form.",
]

CONTRACT_KEY_DETAILS = [
    ["Item", "Agreed detail"],
    ["Effective Date", "10 December 2026"],
    ["Subscription Start Date", "1 January 2027"],
    ["Initial Term", "60 months from the Subscription Start Date, expiring on 31 December 2031"],
    ["Renewal", "Automatic renewal for successive periods of 12 months unless notice is given "
                "under paragraph 14"],
    ["Modules", "Repairs; Tenant Portal; Ask Abode (Agent Assist and Portal Chat); "
                "Environment (Pilot)"],
    ["Pilot", "Gateshead patch (approximately 4,600 homes and 61 in-house operatives)"],
    ["Pilot Go-Live Target Date", "15 March 2027"],
    ["Full Go-Live Target Date", "6 September 2027"],
    ["Longstop Date", "29 October 2027"],
    ["Hosting region", "AWS Europe (London), eu-west-2"],
    ["Customer Contract Manager", "Rebecca Lowther, Abode360 Programme Manager"],
    ["Supplier Account Director", "James Whitcombe"],
]

# Each section: (heading, [items]) where an item is either a string (numbered
# clause paragraph), ("sub", text) for an indented sub-paragraph, or
# ("table", rows) for a table.
CONTRACT_SECTIONS = [
    ("1. Definitions and Interpretation", [
        "1.1 Capitalised terms have the meanings given in the MSA, except that:",
        ("sub", "\"AI Output\" means any summary, triage suggestion, classification or other "
                "content generated by Ask Abode;"),
        ("sub", "\"Aperture EU Region\" means the LLM Provider's processing region in Frankfurt, "
                "Germany;"),
        ("sub", "\"Business Day\" means a day other than a Saturday, Sunday or public holiday in "
                "England;"),
        ("sub", "\"Contact Centre Hours\" means 07:00 to 21:00 every day except 25 December;"),
        ("sub", "\"Core Hours\" means 08:00 to 18:00 on Business Days;"),
        ("sub", "\"Customer Data\" means all data, including Personal Data, supplied by or for the "
                "Customer or generated by the Services, including call recordings, transcripts, "
                "chat logs, AI Output, photographs, signatures and sensor readings;"),
        ("sub", "\"De-identified Data\" means Customer Data from which direct identifiers have "
                "been removed, whether or not it remains Personal Data;"),
        ("sub", "\"EU Region Cutover Date\" means the date, no later than 28 February 2027, from "
                "which all LLM Provider processing of Customer Data takes place exclusively in "
                "the Aperture EU Region;"),
        ("sub", "\"LLM Provider\" means Aperture AI Inc., supplier of the Corto 2 language model;"),
        ("sub", "\"Pen Test Report\" means report RA-2026-1187 issued to the Customer by Redline "
                "Assurance Ltd on 6 November 2026;"),
        ("sub", "\"Service Performance Metrics\" means numerical measures of the operation of the "
                "Services (such as latency, error rates and triage agreement rates) containing no "
                "free text, audio or Personal Data; and"),
        ("sub", "\"Visit Considerations\" means the coded vulnerability information listed in "
                "Annex 2."),
        "1.2 In case of conflict the order of precedence is: (a) paragraphs 6 and 8; (b) the rest "
        "of this Order Form and its Annexes; (c) the MSA; (d) the Supplier's documentation. Clause "
        "2.4 of the MSA does not apply.",
        "1.3 Clauses 9.4 (Use of Aggregated and De-identified Data) and 12.2 (Ownership of "
        "Configurations) of the MSA are deleted and replaced by paragraphs 8.3 and 11.",
    ]),
    ("2. Services and Scope", [
        "2.1 From the Subscription Start Date the Supplier shall provide:",
        ("sub", "(a) Repairs: job logging, scheduling, schedule of rates pricing, contractor "
                "allocation and the Abode Field mobile app (photographs, tenant signatures, job "
                "notes), for up to 520 Operative Licences and 140 Back-Office Licences;"),
        ("sub", "(b) Tenant Portal: web and app self-service to report repairs, manage "
                "appointments and view rent statements, for up to 38,500 homes;"),
        ("sub", "(c) Ask Abode: (i) Agent Assist - real-time transcription, post-call summary and "
                "suggested triage for contact centre advisers; and (ii) Portal Chat - an AI chat "
                "assistant that can draft repair requests for adviser confirmation;"),
        ("sub", "(d) Environment (Pilot): ingestion, dashboards and alerts for temperature and "
                "relative humidity readings from sensors in up to 2,000 homes; and"),
        ("sub", "(e) Integration Services with NEC Housing, Microsoft Entra ID (SSO and SCIM), "
                "Unit4 ERP and the Customer's contact-centre platform (Elevate Communications "
                "Ltd)."),
        "2.2 The following are not in scope and may be added only through Change Control:",
        ("sub", "(a) Ask Abode voice self-service (handling calls without an adviser), which shall "
                "not be enabled without a further DPIA and the written approval of the "
                "Customer's Data Protection Officer;"),
        ("sub", "(b) rent payments and card processing - no payment card data shall be processed "
                "by the Services;"),
        ("sub", "(c) voice biometrics - the Supplier shall not create voiceprints or use voice "
                "data to identify individuals;"),
        ("sub", "(d) migration of repairs records closed more than six years before migration; and"),
        ("sub", "(e) Environment in more than 2,000 homes, subject to pilot evaluation and a "
                "separate Order."),
        "2.3 The Environment sensors (Hygra HS-200) shall report temperature and relative "
        "humidity only. The carbon dioxide channel shall be disabled before installation and not "
        "re-enabled without the Customer's written instruction. The sensors contain no "
        "microphone, camera or motion detector.",
        "2.4 The mobile app records device location only at job start and job completion. No "
        "continuous location tracking of operatives is performed.",
    ]),
    ("3. Implementation and Milestones", [
        "3.1 The Supplier shall deliver the Implementation Services in accordance with the "
        "Implementation Plan (Annex 1, version 2.3 dated 1 December 2026) and Table 3. Milestone "
        "payments are invoiced on acceptance.",
        ("caption", "Table 3 - Milestones and milestone payments"),
        ("table", [
            ["Ref", "Milestone", "Target date", "Payment (% of Implementation Fee)"],
            ["M1", "Project initiation; Exit Plan and Security Management Plan approved", "29 January 2027", "10%"],
            ["M2", "Integrations built and system integration testing passed", "19 February 2027", "15%"],
            ["M3", "High findings in the Pen Test Report remediated and verified by retest", "5 March 2027", "10%"],
            ["M4", "Pilot Go-Live (Gateshead patch)", "15 March 2027", "20%"],
            ["M5", "Pilot Evaluation Report accepted", "25 June 2027", "10%"],
            ["M6", "Full Go-Live (all patches)", "6 September 2027", "25%"],
            ["M7", "Exit from hypercare (60 days after Full Go-Live)", "5 November 2027", "10%"],
        ]),
        "3.2 Pilot Go-Live shall not take place until: (a) each High finding in the Pen Test "
        "Report has been remediated and verified by a retest carried out for the Customer; (b) "
        "the EU Region Cutover Date has occurred; and (c) the Customer's Data Protection Officer "
        "has confirmed in writing that the DPIA for the pilot is approved. Until the EU Region "
        "Cutover Date, Ask Abode shall be used with synthetic or test data only.",
        "3.3 The Customer's contract for its legacy repairs system (RepairLink, Castlegate Systems "
        "Ltd) expires on 31 October 2027. If Full Go-Live is not achieved by the Longstop Date for "
        "reasons attributable to the Supplier, the Supplier shall pay delay payments of GBP 2,500 "
        "per Business Day up to GBP 150,000 and reimburse the reasonable cost of extending the "
        "legacy contract for up to three months.",
    ]),
    ("4. Service Levels", [
        "4.1 Availability is measured monthly against Table 4A. Planned Maintenance (no more than "
        "six hours a month, on five Business Days' notice, between 00:00 and 06:00 on Sundays) is "
        "excluded; emergency maintenance is not.",
        ("caption", "Table 4A - Availability"),
        ("table", [
            ["Service", "Availability target", "Measurement window"],
            ["Repairs (web application and mobile sync API)", "99.7%", "24 x 7"],
            ["Tenant Portal", "99.5%", "24 x 7"],
            ["Ask Abode - Agent Assist", "99.5%", "Contact Centre Hours"],
            ["Ask Abode - Portal Chat", "99.5%", "24 x 7"],
            ["Environment data ingestion", "99.0%", "24 x 7 (devices buffer up to 72 hours)"],
        ]),
        "4.2 The Supplier shall respond to and resolve Incidents in accordance with Table 4B. "
        "Resolution includes a workaround accepted by the Customer.",
        ("caption", "Table 4B - Incident priorities"),
        ("table", [
            ["Priority", "Example", "Response", "Resolution", "Cover"],
            ["P1", "Repairs or Portal unavailable; suspected Security Incident", "30 minutes", "4 hours", "24 x 7"],
            ["P2", "Major function degraded; Agent Assist unavailable", "1 hour", "8 hours", "24 x 7"],
            ["P3", "Function impaired, workaround available", "4 Core Hours", "5 Business Days", "Core Hours"],
            ["P4", "Minor defect or question", "2 Business Days", "Next release", "Core Hours"],
        ]),
        "4.3 If an availability target is missed, the Supplier shall credit the percentage of the "
        "monthly Subscription Fee for the affected Module shown in Table 4C.",
        ("caption", "Table 4C - Service credits"),
        ("table", [
            ["Monthly availability achieved", "Credit (% of monthly Module fee)"],
            ["Below target but at or above 99.0%", "5%"],
            ["Below 99.0% but at or above 98.0%", "10%"],
            ["Below 98.0%", "20%"],
        ]),
        "4.4 Service credits are capped at 20% of total monthly Subscription Fees, do not count "
        "towards the limits in paragraph 12 and are without prejudice to paragraph 15.2(c).",
        "4.5 If Agent Assist is unavailable, calls shall continue to route to advisers without "
        "transcription; if Portal Chat is unavailable, users shall be offered a call-back form "
        "within 30 seconds. No contact shall be blocked because Ask Abode is unavailable.",
        "4.6 The Supplier shall maintain disaster recovery achieving a recovery point objective "
        "(RPO) of 1 hour and a recovery time objective (RTO) of 4 hours for Repairs, Tenant "
        "Portal and Ask Abode, and an RPO of 24 hours and RTO of 48 hours for Environment. "
        "Failover shall be tested at least annually and once in the three months before Full "
        "Go-Live, with results shared within ten Business Days.",
        "4.7 A monthly service report shall be provided by the tenth Business Day of each month.",
    ]),
    ("5. Support", [
        "5.1 The service desk is available 24 x 7 for P1 and P2 Incidents and in Core Hours for "
        "P3, P4 and service requests.",
        "5.2 Outside Core Hours, first-line support is provided by Sahyadri Support Services "
        "Private Limited, Pune, India. Sahyadri personnel shall (a) access the Services only "
        "through the Supplier's virtual desktop environment in eu-west-2, with copy, download "
        "and print disabled and sessions recorded; (b) be named and screened to a standard "
        "equivalent to the Baseline Personnel Security Standard; and (c) have no access to call "
        "recordings, transcripts, chat logs or Visit Considerations.",
        "5.3 On three months' notice the Customer may require out-of-hours support to be "
        "delivered wholly from the United Kingdom for GBP 38,000 per Contract Year (Optional "
        "Service; not ordered at the Effective Date).",
    ]),
    ("6. Data Protection", [
        "6.1 The Customer is controller and the Supplier is processor. This paragraph 6 "
        "supplements Schedule 3 (Data Processing Terms) of the MSA and sets out the particulars "
        "required by Article 28 UK GDPR.",
        "6.2 Subject matter, duration and purposes: provision of the Services for the Term and "
        "any Exit Period, for repairs, tenant self-service, contact centre and damp and mould "
        "monitoring purposes.",
        "6.3 Data subjects: tenants, leaseholders and household members (including children); "
        "callers and their representatives; Customer staff; and contractor operatives.",
        "6.4 Personal Data: identity and contact details; tenancy and property references; repairs "
        "history; photographs; signatures; call recordings; transcripts; chat logs; AI Output; "
        "sensor readings (temperature, humidity, timestamp, device and property reference); "
        "audit data; and operative location at job start and completion.",
        "6.5 Special category data: Visit Considerations and any special category data disclosed "
        "in calls, chats or job notes. Free-text vulnerability, health and safeguarding notes in "
        "NEC Housing shall not be transferred to Abode360.",
        "6.6 The Supplier shall apply the retention periods in Table 6 and then delete the data, "
        "including from the LLM Provider, except records placed on legal hold by the Customer.",
        ("caption", "Table 6 - Retention"),
        ("table", [
            ["Data", "Retention in Abode360"],
            ["Call recordings (audio)", "180 days from the date of the call"],
            ["Call transcripts", "24 months from the date of the call"],
            ["Portal Chat logs", "24 months from the date of the chat"],
            ["AI Output (summaries and triage)", "Written to NEC Housing contact record; Abode360 copy deleted after 24 months"],
            ["Job photographs and signatures", "6 years after job closure"],
            ["Sensor readings (15-minute raw)", "24 months; daily aggregates for the Term; deleted within 90 days of withdrawal unless linked to an open damp and mould case"],
            ["Audit and access logs", "18 months"],
            ["LLM Provider inputs and outputs", "Not retained after the request completes (zero data retention)"],
        ]),
        "6.7 The Supplier shall notify the Customer without undue delay, and in any event within "
        "36 hours, after becoming aware of a Personal Data Breach affecting Customer Data, and "
        "shall also telephone the Customer's Information Security Manager within 24 hours of "
        "becoming aware of any Security Incident classified as P1, whether or not Personal Data "
        "is known to be affected. Clause 10.3 of the MSA (72 hours) is amended accordingly.",
        "6.8 The Supplier shall provide searches and exports for data subject requests within "
        "five Business Days of request.",
        "6.9 The Customer may audit once in each Contract Year on 30 days' notice, and at any time "
        "after a Personal Data Breach, having first considered the Supplier's ISO/IEC 27001 "
        "certificate and assurance reports.",
        "6.10 No Restricted Transfer shall be made other than to the Sub-processors and locations "
        "in Table 7, under the mechanism stated and a transfer risk assessment available to the "
        "Customer on request.",
    ]),
    ("7. Sub-processors", [
        "7.1 The Customer authorises the Sub-processors in Table 7.",
        ("caption", "Table 7 - Authorised Sub-processors"),
        ("table", [
            ["Sub-processor", "Service", "Processing location", "Transfer mechanism"],
            ["Amazon Web Services EMEA SARL", "Hosting, storage and backups", "UK (eu-west-2); encrypted backup copies in Ireland (eu-west-1)", "UK adequacy regulations (EEA)"],
            ["Aperture AI Inc.", "Corto 2 inference for Ask Abode (text only)", "Germany (Aperture EU Region) from the EU Region Cutover Date", "UK adequacy regulations (EEA); IDTA for any US support access"],
            ["Meridian Civic Holdings Inc.", "Third-line engineering; group security operations", "Canada (Toronto)", "UK adequacy regulations (Canada)"],
            ["Sahyadri Support Services Private Limited", "Out-of-hours first-line support", "India (Pune), remote access to eu-west-2 only", "IDTA"],
            ["Twilio Ireland Limited", "SMS appointment reminders", "Ireland; United States", "UK Addendum to EU SCCs"],
            ["Northgrid IoT Ltd", "LoRaWAN network and sensor management", "United Kingdom", "N/A"],
            ["Deskwise Ltd", "Support ticketing", "Ireland", "UK adequacy regulations (EEA)"],
        ]),
        "7.2 The Supplier shall give at least 30 days' notice of any new or replacement "
        "Sub-processor. If the Customer reasonably objects and the objection is not resolved "
        "within 30 days, the Customer may terminate the affected Module without an early "
        "termination fee.",
        "7.3 The Supplier acknowledges that Sahyadri Support Services Private Limited was not "
        "listed in its response dated 25 September 2026 to the Customer's security "
        "questionnaire, and warrants that Table 7 is complete and accurate at the Effective Date.",
    ]),
    ("8. Artificial Intelligence Features", [
        "8.1 Ask Abode uses the Corto 2 model from the LLM Provider and a speech-to-text model "
        "hosted by the Supplier in eu-west-2. Only text is sent to the LLM Provider; no audio "
        "leaves eu-west-2. The Supplier shall give 60 days' notice of any change of model or model "
        "version, with evaluation results.",
        "8.2 From the EU Region Cutover Date all LLM Provider processing of Customer Data shall "
        "take place in the Aperture EU Region. Routing Customer Data outside the UK and EEA, "
        "including on failover or for capacity reasons, is prohibited; if the Aperture EU Region "
        "is unavailable, Ask Abode shall operate in degraded mode under paragraph 4.5.",
        "8.3 Neither the Supplier nor the LLM Provider shall use Customer Data, including "
        "De-identified Data, AI Output and adviser corrections, to train, fine-tune or evaluate "
        "any model or to improve any product, except that the Supplier may use Service "
        "Performance Metrics to monitor and improve the Services. The Supplier shall confirm "
        "compliance in writing each Contract Year.",
        "8.4 AI Output is advisory. An adviser shall confirm or change every triage suggestion "
        "before a repair is raised, and no decision with legal or similarly significant effects "
        "shall be taken solely by automated means. Emergency indicators (gas, flooding, "
        "electrical danger, no heating where a vulnerable person is present) shall be flagged to "
        "the adviser immediately.",
        "8.5 Callers shall be told at the start of each call that it is recorded and may be "
        "transcribed and summarised by an automated assistant. Portal Chat users shall be told "
        "they are using an automated assistant and how to reach a person.",
        "8.6 The Supplier shall report monthly on triage agreement rate, summary correction rate "
        "and regional accent and dialect sampling. The pilot aim is a triage agreement rate of at "
        "least 85%; this is not a Service Level.",
        "8.7 Visit Considerations shall not be included in any prompt or context sent to the LLM "
        "Provider, save for a single indicator that a Visit Consideration exists.",
    ]),
    ("9. Security", [
        "9.1 The Supplier shall maintain ISO/IEC 27001:2022 certification (certificate IS 771203, "
        "Alderley Certification Ltd) and extend its scope to the Environment Module by 30 June "
        "2027.",
        "9.2 The Supplier shall maintain Cyber Essentials Plus and provide its SOC 2 Type II report "
        "within 30 days of issue (expected Q3 2027).",
        "9.3 Findings in the Pen Test Report shall be remediated as follows: High findings before "
        "Pilot Go-Live (paragraph 3.2); Medium findings within 90 days of the Effective Date; Low "
        "findings within 180 days of the Effective Date.",
        "9.4 The Supplier shall commission an independent CREST-accredited penetration test each "
        "Contract Year and share the executive summary. The Customer may commission its own test "
        "once each Contract Year on 15 Business Days' notice.",
        "9.5 Customer Data shall be encrypted in transit (TLS 1.2 or higher) and at rest (AES-256, "
        "keys in AWS KMS). Data cached by the mobile app, including photographs and session "
        "tokens, shall be encrypted on the device.",
        "9.6 Customer users shall authenticate through Microsoft Entra ID. Supplier personnel "
        "shall access production only through privileged access management with just-in-time "
        "approval, reviewed quarterly.",
        "9.7 Audit logs shall be available to the Customer by API for its SIEM.",
    ]),
    ("10. Fees and Payment", [
        "10.1 The Customer shall pay the Fees in Table 10 (pounds sterling, exclusive of VAT).",
        ("caption", "Table 10 - Fees"),
        ("table", [
            ["Item", "Basis", "Fee (GBP)"],
            ["Repairs subscription", "Up to 520 Operative and 140 Back-Office Licences", "186,000 per annum"],
            ["Tenant Portal subscription", "GBP 1.30 per home per annum x 38,000 homes", "49,400 per annum"],
            ["Ask Abode subscription", "Includes 1,200,000 Agent Assist minutes and 120,000 chat sessions per Contract Year", "52,000 per annum"],
            ["Environment platform (Pilot)", "Up to 2,000 homes", "18,000 per annum"],
            ["Environment connectivity", "GBP 1.10 per active sensor per month, up to 4,000 sensors", "Up to 52,800 per annum"],
            ["Total annual Subscription Fees", "At full rates", "358,200 per annum"],
            ["Implementation Services", "Fixed price against Table 3 milestones", "412,500 one-off"],
            ["Environment sensors (Hygra HS-200)", "4,100 units (including 100 spares) at GBP 46.50", "190,650 one-off"],
            ["Ask Abode overage", "Per minute / per chat session above allowance", "0.05 / 0.12"],
            ["Onshore out-of-hours support (Optional)", "Paragraph 5.3; not ordered", "38,000 per annum"],
        ]),
        "10.2 From 1 January 2027 to 31 August 2027 (the Pilot Pricing Period) the Subscription "
        "Fees for Repairs, Tenant Portal and Ask Abode are payable at 35% of the annual rates, pro "
        "rata. Environment Fees are payable in full from delivery of the sensors.",
        "10.3 Subscription Fees are invoiced quarterly in advance and payable within 30 days of a "
        "valid invoice quoting the Customer's purchase order number.",
        "10.4 From 1 January 2028 and annually thereafter, Subscription Fees may be increased by "
        "CPI for the twelve months to the preceding October, capped at 5%. On renewal the "
        "increase shall not exceed CPI plus 2%.",
        "10.5 The estimated value of this Order Form over the Initial Term is GBP 2,269,610 "
        "excluding VAT, indexation, overage and Optional Services.",
        "10.6 Day rates: Project Manager GBP 900; Solution Architect GBP 1,150; Consultant "
        "GBP 950; Data Engineer GBP 875.",
    ]),
    ("11. Intellectual Property", [
        "11.1 The Supplier retains all Intellectual Property Rights in the Platform, Software, "
        "Documentation, its standard report templates (Standard Templates) and generic "
        "improvements.",
        "11.2 The Customer owns all Customer Data, including AI Output.",
        "11.3 Intellectual Property Rights in report templates, dashboards, letter templates, "
        "triage rules, job code and schedule of rates mappings and workflow configurations "
        "created for the Customer (Bespoke Deliverables) vest in the Customer on creation. Where "
        "a Bespoke Deliverable incorporates a Standard Template, the Customer has a perpetual, "
        "royalty-free licence to use it as part of that Bespoke Deliverable, including after "
        "termination. The Supplier may reuse general know-how and layouts but not Customer "
        "Data, branding or Customer-specific rules.",
        "11.4 The register of Bespoke Deliverables (Annex 3) shall be agreed within 30 days of the "
        "Effective Date. The draft register lists 37 report templates and 14 workflow "
        "configurations. Disputes shall go to the quarterly strategic review and then to the "
        "MSA dispute resolution procedure.",
        "11.5 The Customer may at any time export all configuration (in the Supplier's documented "
        "JSON format) and report templates (as query definitions and layout files) and use them "
        "for its business, including migration to another supplier.",
    ]),
    ("12. Liability", [
        "12.1 Nothing limits liability for death or personal injury caused by negligence, fraud, "
        "the Supplier's IPR indemnity, or any liability that cannot lawfully be limited.",
        "12.2 Subject to paragraphs 12.1 and 12.3, each party's total liability in each Contract "
        "Year is limited to the greater of GBP 1,000,000 and 150% of the Fees paid or payable in "
        "that Contract Year.",
        "12.3 The Supplier's total liability for breach of paragraphs 6 to 9, or of its "
        "obligations as processor, is limited to GBP 4,000,000 over the Term, separately from and "
        "in addition to the limit in paragraph 12.2.",
        "12.4 Recoverable direct losses include costs of restoring Customer Data, lawfully "
        "recoverable regulatory fines, notification costs and replacement services for up to six "
        "months.",
        "12.5 Neither party is liable for indirect or consequential loss or loss of profits.",
    ]),
    ("13. Insurance", [
        "13.1 The Supplier shall maintain: professional indemnity GBP 5,000,000 each claim; cyber "
        "liability GBP 10,000,000 in aggregate; public liability GBP 10,000,000 each occurrence; "
        "employer's liability GBP 10,000,000; and product liability GBP 5,000,000 for the sensors.",
        "13.2 Certificates shall be provided within ten Business Days of the Effective Date and on "
        "renewal. Professional indemnity cover shall continue for six years after the Term.",
    ]),
    ("14. Term and Renewal", [
        "14.1 This Order Form takes effect on the Effective Date, 10 December 2026. The Initial "
        "Term begins on the Subscription Start Date, 1 January 2027, and ends on 31 December "
        "2031. The first renewal date is 1 January 2032.",
        "14.2 The Term renews automatically for successive 12-month periods unless the Customer "
        "gives at least six months' notice, or the Supplier at least 12 months' notice, before the "
        "end of the Initial Term or current renewal period.",
        "14.3 Instead of automatic renewal, the Customer may extend the Initial Term once by up to "
        "24 months on six months' notice.",
        "14.4 The Contract shall not extend beyond 31 December 2034 in any event.",
    ]),
    ("15. Termination", [
        "15.1 The Customer may terminate for convenience on at least six months' notice expiring "
        "no earlier than 31 December 2029, paying an early termination fee of 25% of the "
        "Subscription Fees for the remainder of the Initial Term.",
        "15.2 The Customer may terminate the Contract, or the affected Module, without any early "
        "termination fee if:",
        ("sub", "(a) the Supplier commits a material breach not remedied within 30 days of notice;"),
        ("sub", "(b) the Supplier suffers an insolvency event, or the Supplier or Meridian Civic "
                "Holdings Inc. undergoes a change of control the Customer reasonably considers "
                "unsuitable;"),
        ("sub", "(c) availability of any Module is below 98.0% in any three months in a rolling "
                "six months, or P1 resolution targets are missed three times in three months;"),
        ("sub", "(d) Pilot Go-Live has not occurred by 30 June 2027 for reasons attributable to "
                "the Supplier, in which case Implementation Fees paid shall be refunded;"),
        ("sub", "(e) Customer Data is processed outside the locations permitted by paragraphs 7 "
                "and 8; or"),
        ("sub", "(f) the Customer objects to a Sub-processor under paragraph 7.2."),
        "15.3 The Customer may terminate Environment at the end of the pilot by notice given by 31 "
        "March 2028, and Ask Abode on three months' notice after 31 December 2027, in each case "
        "without an early termination fee.",
        "15.4 The Supplier may terminate only if undisputed Fees remain unpaid 60 days after "
        "written notice.",
    ]),
    ("16. Exit", [
        "16.1 The Supplier shall deliver an Exit Plan within 60 days of the Effective Date and "
        "update it annually.",
        "16.2 On expiry or termination the Services shall continue at current Fees for an Exit "
        "Period of up to six months at the Customer's option.",
        "16.3 The Supplier shall provide a complete export of Customer Data within ten Business "
        "Days of request, in CSV and JSON with media files in original formats and a manifest. "
        "Up to three exports are free of charge.",
        "16.4 Exit assistance is charged at the paragraph 10.6 day rates; the first 15 "
        "person-days are free.",
        "16.5 Within 30 days after the Exit Period the Supplier shall delete all Customer Data from "
        "production and procure deletion by Sub-processors; backups shall be overwritten within "
        "a further 35 days, and an officer shall certify deletion within ten Business Days.",
    ]),
    ("17. Governance", [
        "17.1 The parties shall hold monthly service reviews, quarterly strategic reviews and an "
        "annual security review attended by the Supplier's CISO.",
        "17.2 The Supplier shall attend up to two sessions a year with the Customer's Tenants' "
        "Scrutiny Panel at no charge.",
    ]),
    ("18. General", [
        "18.1 The Contract is governed by the law of England and Wales. This Order Form may be "
        "signed electronically and in counterparts.",
        "18.2 Except as amended by this Order Form, the MSA continues in full force. This Order "
        "Form supersedes all earlier drafts, including draft 5 dated 13 November 2026, and the "
        "Supplier's proposal dated 14 July 2026.",
        "18.3 The Supplier shall procure that Meridian Civic Holdings Inc. delivers a parent "
        "company guarantee in the form at Annex 4 within 20 Business Days of the Effective Date.",
    ]),
]

CONTRACT_ANNEX2 = [
    ["Code", "Visit Consideration (as shown to operatives)"],
    ["VC01", "Mobility - allow extra time at the door"],
    ["VC02", "Hearing impairment - text before visit"],
    ["VC03", "Sight impairment - announce yourself clearly"],
    ["VC04", "Oxygen or medical equipment in use"],
    ["VC05", "Interpreter or representative needed"],
    ["VC06", "Contact named representative before visit"],
    ["VC07", "Two-person visit required"],
    ["VC08", "Contact Housing Officer before visit"],
    ["VC09", "Priority for heating and hot water faults"],
    ["VC10", "Pets - secure before entry"],
    ["VC11", "Exploitation concern - do not discuss with other occupants"],
    ["VC12", "Confirm appointment by text the day before"],
]

CONTRACT_SIGNATURES = [
    ["For and on behalf of", "Name", "Position", "Date"],
    ["Brightwater Homes Limited", "Alison Purvis", "Executive Director of Finance and Resources", "9 December 2026"],
    ["Brightwater Homes Limited", "Fiona Armstrong", "Head of Legal & Governance and Company Secretary", "9 December 2026"],
    ["Meridian Civic Software Ltd", "Helen Castell", "Managing Director, UK", "10 December 2026"],
]


def build_contract(path):
    doc = Document()
    base_font(doc, "Arial", 10)
    for sec in doc.sections:
        sec.left_margin = Cm(2.3)
        sec.right_margin = Cm(2.3)
        sec.top_margin = Cm(2.0)
        sec.bottom_margin = Cm(2.0)
        hp = sec.header.paragraphs[0]
        hp.text = "Brightwater Homes / Meridian Civic Software - Order Form MCS-OF-2026-0417 - Execution version"
        hp.runs[0].font.size = Pt(8)
        fp = sec.footer.paragraphs[0]
        fp.text = "BWH/LEG/2026/118 - Commercial in confidence"
        fp.runs[0].font.size = Pt(8)

    for kind, text in CONTRACT_FRONT:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text)
        if kind == "centre_bold":
            r.bold = True
            r.font.size = Pt(12)
    doc.add_paragraph()
    docx_table(doc, CONTRACT_DOC_CONTROL, widths=[Cm(4.5), Cm(11.5)])

    for para in CONTRACT_PARTIES:
        p = doc.add_paragraph()
        r = p.add_run(para)
        if para == "BACKGROUND":
            r.bold = True

    p = doc.add_paragraph()
    p.add_run("KEY DETAILS").bold = True
    docx_table(doc, CONTRACT_KEY_DETAILS, widths=[Cm(4.5), Cm(11.5)])

    p = doc.add_paragraph("IT IS AGREED as follows:")

    for heading, items in CONTRACT_SECTIONS:
        hp = doc.add_paragraph()
        hp.paragraph_format.space_before = Pt(10)
        hp.paragraph_format.keep_with_next = True
        hr = hp.add_run(heading)
        hr.bold = True
        hr.font.size = Pt(11)
        for item in items:
            if isinstance(item, str):
                doc.add_paragraph(item)
            elif item[0] == "sub":
                sp = doc.add_paragraph(item[1])
                sp.paragraph_format.left_indent = Cm(1.0)
            elif item[0] == "caption":
                cp = doc.add_paragraph()
                cp.paragraph_format.keep_with_next = True
                cr = cp.add_run(item[1])
                cr.italic = True
                cr.font.size = Pt(9)
            elif item[0] == "table":
                docx_table(doc, item[1])

    hp = doc.add_paragraph()
    hp.paragraph_format.space_before = Pt(10)
    hr = hp.add_run("Annexes")
    hr.bold = True
    hr.font.size = Pt(11)
    doc.add_paragraph("Annex 1 - Implementation Plan v2.3 (not reproduced in this copy).")
    doc.add_paragraph("Annex 2 - Visit Considerations. Only these codes are transferred from "
                      "NEC Housing; the underlying condition or narrative is not.")
    docx_table(doc, CONTRACT_ANNEX2, widths=[Cm(2.0), Cm(14.0)])
    doc.add_paragraph("Annex 3 - Register of Bespoke Deliverables (draft; to be agreed under "
                      "paragraph 11.4).")
    doc.add_paragraph("Annex 4 - Form of Parent Company Guarantee (not reproduced in this copy).")

    hp = doc.add_paragraph()
    hp.paragraph_format.space_before = Pt(10)
    hr = hp.add_run("Execution")
    hr.bold = True
    hr.font.size = Pt(11)
    doc.add_paragraph("Signed electronically by the authorised signatories on the dates shown.")
    docx_table(doc, CONTRACT_SIGNATURES)

    set_core(doc, author="Fiona Armstrong", title=CONTRACT_TITLE,
             when=dt.datetime(2026, 12, 10, 16, 5, 0),
             subject="Order Form MCS-OF-2026-0417 - Brightwater Homes / Meridian Civic Software",
             keywords="Abode360; order form; execution version",
             comments="Execution version. Supersedes Draft 7.",
             last_modified_by="Fiona Armstrong", revision=14, category="Contract",
             created=dt.datetime(2026, 11, 2, 9, 30, 0))
    doc.save(path)
    normalise_docx(path, (2026, 12, 10, 16, 5, 0))


# ----------------------------------------------------------------------------
# 2. Draft DPIA (Word heading styles)
# ----------------------------------------------------------------------------

DPIA_TITLE = "Data Protection Impact Assessment - Abode360"

DPIA_CONTROL = [
    ["Field", "Value"],
    ["DPIA reference", "IG-DPIA-2026-014"],
    ["System / project", "Abode360 (Repairs, Tenant Portal, Ask Abode, Environment) - Meridian Civic Software Ltd"],
    ["Version / status", "0.4 DRAFT - not approved - do not rely on for go-live decisions"],
    ["Date of this version", "30 October 2026"],
    ["Author", "Eleanor Marsh, Senior Privacy Officer, Information Governance"],
    ["Reviewer", "Dr Nadia Hussain, Data Protection Officer"],
    ["Information Asset Owner", "Martin Ridley, Director of Property Services (Programme SRO)"],
    ["SIRO", "Alison Purvis, Executive Director of Finance and Resources"],
    ["Classification", "OFFICIAL-SENSITIVE - internal only"],
]

DPIA_HISTORY = [
    ["Version", "Date", "Author", "Change"],
    ["0.1", "8 September 2026", "E. Marsh", "Screening questions completed; DPIA confirmed as mandatory"],
    ["0.2", "25 September 2026", "E. Marsh", "Description of processing; initial data inventory from Meridian data flow diagrams"],
    ["0.3", "12 October 2026", "E. Marsh / C. Fenwick", "Security input from Meridian questionnaire response (v1.1, 25 Sept); Ask Abode section added"],
    ["0.4", "30 October 2026", "E. Marsh", "Retention options; note on out-of-hours support in India; risk table re-scored; actions updated"],
]

DPIA_DISTRIBUTION = ("Distribution (v0.4): Dr Nadia Hussain (DPO); Callum Fenwick (Information "
                     "Security Manager); Rebecca Lowther (Abode360 Programme Manager); Lindsay "
                     "Robson (Contact Centre Manager); Tom Heslop (Damp and Mould Programme Lead); "
                     "Claire Dunn (Safeguarding Lead); Fiona Armstrong (Head of Legal & Governance). "
                     "Please send comments to Eleanor by 6 November 2026. Please do not forward "
                     "outside this list; the document contains commercially sensitive information "
                     "about contract terms still under negotiation.")

# Body: list of (kind, payload). kinds: h1, h2, p, bullets, table, note
DPIA_BODY = [
    ("h1", "1. Purpose and scope"),
    ("p", "This DPIA assesses the processing of personal data in Abode360, the housing "
          "operations platform that Brightwater Homes is procuring from Meridian Civic Software "
          "Ltd to replace RepairLink (repairs), our current tenant web forms and the adviser "
          "note-taking process in the contact centre. It is being completed before contract "
          "signature so that privacy requirements can be reflected in the contract, and it will "
          "be updated before the Gateshead pilot (currently planned for 1 February 2027) and "
          "again before full go-live (planned for September 2027)."),
    ("p", "Screening in September confirmed that a DPIA is mandatory. The processing involves "
          "special category data about vulnerable people on a large scale, innovative "
          "technology (a large language model), and sensors placed inside people's homes, which "
          "the ICO treats as a form of monitoring. Any one of these would be enough on its own."),
    ("p", "In scope: all four Abode360 modules, the integrations with NEC Housing, Microsoft "
          "Entra ID and our telephony platform, and the supplier's sub-processors. Not in scope: "
          "(a) Ask Abode voice self-service, where the assistant would handle calls without an "
          "adviser - this is not being bought for the pilot, and a separate DPIA would be needed; "
          "(b) the Unit4 finance interface, which carries contractor invoice data only and is "
          "covered by IG-DPIA-2023-006; and (c) the wider damp and mould programme, except for "
          "the sensor pilot."),

    ("h1", "2. Description of the processing"),
    ("h2", "2.1 Overview"),
    ("p", "Abode360 is a multi-tenant software-as-a-service platform hosted by Meridian in AWS "
          "London (eu-west-2). Brightwater will be the controller and Meridian the processor. "
          "NEC Housing remains the master record for tenancies, people, vulnerability "
          "information and the contact history; Abode360 receives a subset of that data and "
          "sends job, appointment and contact data back."),
    ("h2", "2.2 Repairs"),
    ("p", "Advisers and tenants log repairs; planners schedule them; in-house operatives "
          "(around 420) and contractor operatives use the Abode Field app on mobile devices. The "
          "app captures photographs of the repair (before and after), the tenant's signature on "
          "completion, job notes and the device location at job start and completion. Meridian "
          "has confirmed that the app does not track location continuously. We raise about "
          "95,000 responsive repairs a year."),
    ("p", "To let operatives prepare for a visit, the job will carry 'Visit Considerations': "
          "short coded flags derived from the vulnerability information in NEC Housing (for "
          "example, 'two-person visit required' or 'oxygen in use'). At the time of writing the "
          "list has 12 codes. Roughly 11,800 tenancies (31%) have at least one vulnerability "
          "flag in NEC. The free-text notes behind those flags, including safeguarding "
          "narratives, will not be sent to Abode360. Whether contractors should see all 12 codes "
          "is unresolved (see R1)."),
    ("h2", "2.3 Tenant Portal"),
    ("p", "Tenants register with an email address or mobile number and can report repairs "
          "(with photos), book and change appointments and view rent statements. Rent "
          "statements are read-only from NEC. No payments are taken in the portal; the "
          "'pay now' link goes to our existing payment provider, so no card data is processed "
          "by Abode360. Accounts are for the named tenant or joint tenants only; household "
          "members under 18 cannot register."),
    ("h2", "2.4 Ask Abode"),
    ("p", "Ask Abode has two parts in scope. Agent Assist transcribes calls to the contact "
          "centre in real time, produces a summary at the end of the call and suggests a repair "
          "category and priority for the adviser to confirm. Portal Chat is a chat assistant in "
          "the Tenant Portal that can answer common questions and draft a repair request for an "
          "adviser to confirm. The contact centre handles around 410,000 inbound calls a year, of "
          "which about 46% are about repairs."),
    ("p", "Speech-to-text is performed by a model that Meridian hosts in eu-west-2. The text "
          "transcript, together with account context, is then sent to the Corto 2 large language "
          "model, which Meridian licenses from Aperture AI Inc. (USA). Meridian's questionnaire "
          "response (ref AI-03) states that inference currently runs in Aperture's US-East "
          "region (Virginia), with an EU region in Frankfurt 'planned Q1 2027'. The questionnaire "
          "also states (AI-11) that by default Visit Considerations are included in the context "
          "sent to the model. We have asked for this to be switched off (action A7)."),
    ("p", "Summaries are written to the NEC contact record after the adviser has reviewed them. "
          "Triage suggestions are advisory only. Ask Abode does not create voiceprints and is "
          "not used to identify callers."),
    ("h2", "2.5 Environment (sensor pilot)"),
    ("p", "Up to 2,000 homes will have two Hygra HS-200 sensors each (one in the main living "
          "area, one in the bathroom) reporting temperature and relative humidity every 15 "
          "minutes over a LoRaWAN network run by Northgrid IoT Ltd. The dashboard will show "
          "homes at risk of condensation and mould, and alerts will go to the damp and mould "
          "team. Homes will be chosen from those with a damp or mould report in the last 24 "
          "months, plus a comparison group. Participation is voluntary."),
    ("p", "Meridian's questionnaire answer DAT-04 says the HS-200 also measures carbon dioxide. "
          "CO2 levels can reveal when a home is occupied and roughly how many people are present. "
          "We do not need this for damp and mould monitoring and recommend that the CO2 channel "
          "is disabled before installation (action A11). The sensors have no microphone, camera "
          "or motion detector."),
    ("h2", "2.6 Data subjects and volumes"),
    ("table", [
        ["Data subjects", "Approximate number", "Notes"],
        ["Tenants and joint tenants", "38,200 tenancies", "All modules"],
        ["Other household members", "c. 36,000 (including c. 19,000 children)", "Named on tenancy; may appear in photos, calls, sensor data"],
        ["Callers and representatives", "Not known", "Advocates, relatives, support workers, councillors, MP offices"],
        ["Brightwater staff", "c. 600 users", "Advisers, planners, surveyors, managers"],
        ["In-house operatives", "c. 420", "Location at job start/complete; job notes"],
        ["Contractor operatives", "up to 100 licences", "Six main contractors"],
        ["Environment pilot households", "up to 2,000 homes", "Opt-in"],
    ]),

    ("h1", "3. Personal data inventory"),
    ("p", "The table below is based on Meridian's data flow diagrams (v2, September 2026) and "
          "the integration specifications. Retention is shown as proposed; section 6.2 sets out "
          "the retention options that still need a decision."),
    ("table", [
        ["Data", "Module", "Source", "Special category?", "Proposed retention"],
        ["Name, address, contact details, tenancy ref", "All", "NEC Housing", "No", "Life of tenancy (master in NEC)"],
        ["Repairs history and job notes", "Repairs", "Staff, operatives, tenants", "Possibly (free text)", "6 years after job closure"],
        ["Photographs and signatures", "Repairs, Portal", "Operatives, tenants", "Possibly (incidental)", "6 years after job closure"],
        ["Visit Considerations (12 codes)", "Repairs", "NEC Housing", "Yes (health, disability)", "While flag is active in NEC"],
        ["Call recordings", "Ask Abode", "Telephony", "Possibly", "See 6.2 - TBC"],
        ["Transcripts and chat logs", "Ask Abode", "Generated", "Possibly", "See 6.2 - TBC"],
        ["AI summaries and triage", "Ask Abode", "Generated", "Possibly", "In NEC contact record per corporate schedule"],
        ["Sensor readings", "Environment", "Sensors", "No (but reveals patterns of life)", "24 months raw; aggregates TBC"],
        ["Operative location (2 points per job)", "Repairs", "Mobile app", "No", "TBC - HR and unions"],
        ["User and audit logs", "All", "Platform", "No", "12 months (Meridian standard)"],
    ]),

    ("h1", "4. Lawful basis and conditions"),
    ("h2", "4.1 Repairs and Tenant Portal"),
    ("p", "Article 6(1)(b) (performance of the tenancy agreement) and Article 6(1)(c) (legal "
          "obligation), relying on our repairing obligations under section 11 of the Landlord "
          "and Tenant Act 1985, the Homes (Fitness for Human Habitation) Act 2018 and the Hazards "
          "in Social Housing (Prescribed Requirements) (England) Regulations 2025 ('Awaab's "
          "Law'), which set timescales for investigating and making safe damp and mould and "
          "other hazards."),
    ("h2", "4.2 Ask Abode"),
    ("p", "Call recording is already carried out under Article 6(1)(f) (legitimate interests) "
          "for quality, training and complaint evidence. Transcription and summarisation are a "
          "new use and need their own legitimate interests assessment (LIA-2026-07), which is "
          "drafted but not yet reviewed (action A3). Our initial view is that the interest - "
          "accurate records, less re-keying, faster triage - is legitimate and the processing is "
          "necessary, but the balancing test depends on retention, transparency and whether the "
          "data leaves the UK/EEA."),
    ("h2", "4.3 Environment"),
    ("p", "Privacy's recommendation is to rely on Article 6(1)(f) legitimate interests, with "
          "participation offered on an opt-in basis through a participation agreement. We are "
          "deliberately not relying on consent as the lawful basis, because the tenant-landlord "
          "relationship makes it hard to show consent is freely given and because we may need to "
          "keep readings linked to an open damp case after a tenant withdraws. Legal have been "
          "asked to confirm this approach - TBC."),
    ("h2", "4.4 Special category data"),
    ("p", "For safeguarding-related Visit Considerations we rely on Article 9(2)(g) and the "
          "Data Protection Act 2018, Schedule 1, paragraph 18 (safeguarding of children and "
          "individuals at risk). For health and disability codes the condition is under review "
          "with Legal (action A10); explicit consent is impractical for the 11,800 existing "
          "records. The Appropriate Policy Document (APD v2.1, 2025) will need updating to refer "
          "to Abode360 (action A12)."),

    ("h1", "5. Consultation"),
    ("h2", "5.1 Internal"),
    ("p", "Workshops were held with the contact centre (15 September), repairs planning and "
          "operatives' representatives (22 September) and the safeguarding team (7 October). The "
          "safeguarding team's main concern is the opposite of the privacy concern: operatives "
          "currently arrive at homes without knowing that a second person is needed or that a "
          "Housing Officer should be contacted first, and they want more information on the "
          "job, not less. The Visit Considerations list is the current compromise."),
    ("p", "The recognised trade unions have asked how operative location data will be used "
          "(for example, in disciplinary cases). HR consultation has not yet started (action "
          "A13)."),
    ("h2", "5.2 Tenants"),
    ("p", "TBC. A session with the Tenants' Scrutiny Panel is scheduled for 3 November 2026, "
          "covering the sensors and Ask Abode. The panel's feedback will be recorded here in "
          "v0.5."),
    ("h2", "5.3 Processor"),
    ("p", "Meridian completed our third-party security questionnaire (response v1.1, 25 "
          "September 2026) and has provided data flow diagrams and its standard data processing "
          "terms (MSA v4.2, Schedule 3). Meridian's Group DPO, Thomas Greaves, attended a call on "
          "14 October."),
    ("h2", "5.4 ICO prior consultation"),
    ("p", "Not expected to be needed, provided the residual risks in section 8 reduce as "
          "planned. If the LLM processing remains in the US, or the vendor retains the right to "
          "use our data for model improvement, the DPO will reconsider. TBC after contract "
          "negotiation."),

    ("h1", "6. Necessity and proportionality"),
    ("h2", "6.1 Data minimisation"),
    ("p", "Only the coded Visit Considerations leave NEC, not the underlying condition or "
          "notes. Tenant Portal rent statements are displayed, not copied. Environment readings "
          "are linked to a property reference, not a named person. Meridian's default of passing "
          "Visit Considerations to the language model is not necessary for summarisation and "
          "should be replaced by a single 'priority' indicator."),
    ("h2", "6.2 Retention"),
    ("p", "Retention of call recordings and transcripts is the main open point. Customer "
          "Experience want to keep both for 24 months so that complaints and Housing Ombudsman "
          "cases, which can arrive many months after the call, can be investigated. Privacy's "
          "view is that transcripts are more intrusive than recordings because they can be "
          "searched, and that the summary in NEC already provides the business record. Our "
          "current telephony platform keeps recordings for 12 months and nobody has been able "
          "to tell us how often recordings older than three months are actually retrieved. "
          "Lindsay Robson is pulling figures from the telephony platform."),
    ("table", [
        ["Data", "Option A (Privacy)", "Option B (Customer Experience)", "Current practice"],
        ["Call recordings", "90 days", "24 months", "12 months (telephony platform)"],
        ["Transcripts", "12 months", "24 months", "Not produced today"],
        ["Portal Chat logs", "12 months", "24 months", "Not produced today"],
        ["AI summaries", "NEC contact record: 6 years after tenancy ends", "Same", "Adviser notes: 6 years after tenancy ends"],
    ]),
    ("p", "Either option needs a legal-hold facility for complaints and claims. Meridian says "
          "this exists. Decision requested from the Programme Board on 18 November 2026."),
    ("h2", "6.3 Transparency"),
    ("p", "The privacy notice, the call announcement and the portal chat banner will need "
          "updating. The draft call announcement is: 'Calls are recorded, and may be transcribed "
          "and summarised by an automated assistant to help our advisers. You can ask to speak "
          "to a person at any time.' Sensor participants will get a leaflet and a participation "
          "agreement, to be reviewed by the Scrutiny Panel."),
    ("h2", "6.4 Individual rights"),
    ("p", "Subject access requests will need to cover Abode360 as well as NEC, including "
          "recordings and transcripts. Meridian's search and export tools appear adequate; this "
          "has not been tested. Objections to transcription can be honoured per call by the "
          "adviser switching Agent Assist off - Meridian to confirm this is possible mid-call. "
          "Tenants can withdraw from the sensor pilot at any time."),
    ("h2", "6.5 Accuracy and fairness of AI output"),
    ("p", "Meridian's accuracy testing (AI-07) used calls from four customers, none in the "
          "North East. Strong regional accents and dialect, and tenants whose first language is "
          "not English, are a real risk for transcription quality, and therefore for summaries "
          "and triage. A wrong triage could delay a damp and mould or other hazard repair beyond "
          "Awaab's Law timescales. Advisers confirm all triage, which mitigates but does not "
          "remove the risk, because people tend to accept a plausible suggestion."),

    ("h1", "7. Processors, sub-processors and international transfers"),
    ("p", "Meridian's sub-processor list (questionnaire Annex B) names AWS, Aperture AI, "
          "Meridian Civic Holdings Inc. (Canada), Twilio Ireland, Northgrid IoT and Deskwise. "
          "Backups are copied to AWS Ireland (eu-west-1), which is covered by UK adequacy "
          "regulations. Group engineering access from Canada is covered by the UK adequacy "
          "regulations for Canada (commercial organisations under PIPEDA)."),
    ("p", "The transfer that matters is Ask Abode. While inference runs in Aperture's US region, "
          "call transcripts - which will often contain health information, family circumstances "
          "and sometimes safeguarding disclosures - would be transferred to the US. Meridian "
          "relies on Aperture's certification under the UK Extension to the EU-US Data Privacy "
          "Framework. In addition, Aperture's standard terms allow it to retain inputs and "
          "outputs for up to 30 days for abuse monitoring, unless 'zero data retention' is "
          "approved; Meridian applied for this in August 2026 and has not had an answer. "
          "Privacy's position is that no live tenant data should go to Ask Abode until the EU "
          "region is in use and zero retention is confirmed."),
    ("note", "Note added 30 October 2026: during a support process walkthrough on 28 October, "
             "Meridian disclosed that out-of-hours first-line support (evenings, weekends and bank "
             "holidays) is provided by a subcontractor, Sahyadri Support Services Pvt Ltd, in Pune, "
             "India. This company is not in Annex B, and the questionnaire answer SUP-03 describes "
             "out-of-hours cover as an 'on-call rota'. Meridian says Sahyadri staff work through a "
             "virtual desktop in eu-west-2 and cannot download data. We need a full and accurate "
             "sub-processor list, the contract between Meridian and Sahyadri, a transfer risk "
             "assessment and an IDTA (action A9). Risk R10 has been added but not yet scored."),
    ("p", "Meridian's standard MSA (clause 9.4) allows Meridian to use 'de-identified and "
          "aggregated' customer data to improve its services. The questionnaire (AI-02) confirms "
          "this can include evaluating and fine-tuning Meridian's own triage classifiers. "
          "De-identified call transcripts are very unlikely to be anonymous in the legal sense: a "
          "description of a leak in a named street, or of a family situation, can identify "
          "someone. Procurement and Legal are negotiating removal of clause 9.4 (action A2)."),

    ("h1", "8. Risk assessment"),
    ("p", "Likelihood and impact are scored 1-3 (remote, possible, probable; minimal, "
          "significant, severe). Residual scores assume the listed measures are in place; where "
          "they depend on negotiation they are shown as targets."),
    ("risktable", [
        ["ID", "Risk", "L", "I", "Inherent", "Measures (planned unless stated)", "Residual", "Owner"],
        ["R1", "Vulnerability information seen by operatives or contractors who do not need it, including on lost or shared devices", "3", "3", "High", "Coded Visit Considerations only; no free text; Intune app protection; contractor view limited (Meridian says field-level control not available until Q2 2027)", "Medium", "D. Charlton"],
        ["R2", "Transcripts transferred to the US for LLM processing and retained by Aperture for up to 30 days", "3", "3", "High", "EU region before live use; zero data retention; contractual prohibition on US routing", "Low (target)", "C. Fenwick"],
        ["R3", "Supplier uses our data (de-identified) to train or evaluate models", "3", "2", "High", "Delete MSA clause 9.4; annual written confirmation", "Low (target)", "G. Wilkinson"],
        ["R4", "Inaccurate transcription, summary or triage, especially for regional accents or non-native speakers, causing a wrong priority or a missed hazard", "2", "3", "High", "Adviser confirms all triage; emergency keyword flags; local accent testing in pilot; monthly accuracy reporting", "Medium", "L. Robson"],
        ["R5", "Sensors experienced as surveillance; readings used to blame tenants or in tenancy action; occupancy inferred from CO2", "2", "3", "High", "Temperature and humidity only; CO2 disabled; opt-in; written commitment on use; property-level not person-level", "Medium", "T. Heslop"],
        ["R6", "Recordings and transcripts kept longer than needed", "3", "2", "High", "Decision on 6.2; automated deletion; legal hold", "TBC", "M. Ridley"],
        ["R7", "Security weakness in the platform leads to a breach", "2", "3", "High", "ISO 27001 (Environment not in scope); independent pen test 19-30 Oct 2026, report due early Nov; remediation before pilot", "TBC", "C. Fenwick"],
        ["R8", "Children or visitors captured in photographs or calls", "2", "2", "Medium", "Operative guidance; photos of repair area only; retention", "Low", "D. Charlton"],
        ["R9", "Callers, including third parties, unaware of AI processing", "2", "2", "Medium", "Call announcement; privacy notice; adviser script", "Low", "E. Marsh"],
        ["R10", "Offshore support access from India not previously disclosed", "-", "-", "Not scored", "See note in section 7; action A9", "TBC", "E. Marsh"],
        ["R11", "Late breach notification by supplier (standard terms: 72 hours) leaves us unable to meet our own 72-hour ICO deadline", "2", "3", "High", "Contract to require 24 hours", "Low (target)", "F. Armstrong"],
        ["R12", "Operative location data used beyond its purpose", "2", "2", "Medium", "Two points per job only; HR policy; union consultation", "Low", "HR (TBC)"],
    ]),

    ("h1", "9. Actions"),
    ("table", [
        ["Ref", "Action", "Owner", "Due", "Status"],
        ["A1", "Written confirmation of LLM region, EU cutover date and Aperture retention terms", "C. Fenwick", "13 Nov 2026", "Open"],
        ["A2", "Remove MSA clause 9.4 (de-identified data use) in negotiation", "G. Wilkinson / F. Armstrong", "20 Nov 2026", "In progress"],
        ["A3", "Review and sign off LIA-2026-07 (Ask Abode transcription)", "E. Marsh", "6 Nov 2026", "Open"],
        ["A4", "Tenants' Scrutiny Panel consultation and write-up", "R. Lowther / E. Marsh", "3 Nov 2026", "Scheduled"],
        ["A5", "Programme Board decision on retention (section 6.2)", "M. Ridley", "18 Nov 2026", "Open"],
        ["A6", "Update privacy notice, call announcement and chat banner", "E. Marsh / L. Robson", "31 Jan 2027", "Not started"],
        ["A7", "Disable Visit Considerations in LLM context; priority flag only", "R. Lowther (with Meridian)", "Before pilot", "Requested"],
        ["A8", "Review penetration test report and remediation plan", "C. Fenwick", "13 Nov 2026", "Awaiting report"],
        ["A9", "Full sub-processor list; TRA and IDTA for Sahyadri (Pune)", "E. Marsh / C. Fenwick", "20 Nov 2026", "Open - new"],
        ["A10", "Legal view on Article 9 condition for health and disability codes", "F. Armstrong", "20 Nov 2026", "Open"],
        ["A11", "Confirm CO2 channel disabled on HS-200 before installation", "T. Heslop", "Before install", "Open"],
        ["A12", "Update Appropriate Policy Document", "E. Marsh", "31 Dec 2026", "Not started"],
        ["A13", "HR and union consultation on operative location data", "HR Business Partner", "TBC", "Not started"],
        ["A14", "Local accent and dialect test plan for pilot", "L. Robson / Meridian", "15 Jan 2027", "Not started"],
    ]),

    ("h1", "10. DPO advice"),
    ("p", "TBC - to be completed by the DPO on receipt of v0.5, after the Programme Board "
          "decisions on retention and the outcome of contract negotiation on clause 9.4, the LLM "
          "region and breach notification."),

    ("h1", "11. Outcome and sign-off"),
    ("signoff", [
        ["Item", "Name", "Decision / comments", "Date"],
        ["Measures approved by", "", "", ""],
        ["Residual risks approved by (SIRO)", "", "", ""],
        ["DPO advice provided", "", "", ""],
        ["DPO advice accepted or overruled by", "", "If overruled, reasons must be recorded", ""],
        ["Consultation responses reviewed by", "", "", ""],
        ["DPIA to be kept under review by", "Eleanor Marsh", "Review at pilot evaluation and before full go-live", ""],
    ]),
]


def build_dpia(path):
    doc = Document()
    base_font(doc, "Calibri", 10.5)
    for name, size in (("Heading 1", 14), ("Heading 2", 12)):
        st = doc.styles[name]
        st.font.name = "Calibri"
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    for sec in doc.sections:
        sec.left_margin = Cm(2.2)
        sec.right_margin = Cm(2.2)
        hp = sec.header.paragraphs[0]
        hp.text = "OFFICIAL-SENSITIVE - DRAFT v0.4 - IG-DPIA-2026-014"
        hp.runs[0].font.size = Pt(8)
        fp = sec.footer.paragraphs[0]
        fp.text = "Brightwater Homes - Information Governance - DPIA template v3 (2024)"
        fp.runs[0].font.size = Pt(8)

    doc.add_paragraph(DPIA_TITLE, style="Title")
    p = doc.add_paragraph()
    r = p.add_run("Repairs, Tenant Portal, Ask Abode and Environment - DRAFT v0.4 for comment")
    r.bold = True
    docx_table(doc, DPIA_CONTROL, widths=[Cm(4.5), Cm(12.0)])
    p = doc.add_paragraph()
    p.add_run("Version history").bold = True
    docx_table(doc, DPIA_HISTORY)
    doc.add_paragraph(DPIA_DISTRIBUTION)

    for kind, payload in DPIA_BODY:
        if kind == "h1":
            doc.add_heading(payload, level=1)
        elif kind == "h2":
            doc.add_heading(payload, level=2)
        elif kind == "p":
            doc.add_paragraph(payload)
        elif kind == "note":
            np_ = doc.add_paragraph()
            nr = np_.add_run(payload)
            nr.italic = True
            np_.paragraph_format.left_indent = Cm(0.8)
        elif kind in ("table", "risktable", "signoff"):
            docx_table(doc, payload, size=8.5 if kind == "risktable" else 9)

    set_core(doc, author="Eleanor Marsh", title=DPIA_TITLE,
             when=dt.datetime(2026, 10, 30, 17, 42, 0),
             subject="IG-DPIA-2026-014 draft v0.4",
             keywords="DPIA; Abode360; draft",
             comments="Draft for comment - not approved.",
             last_modified_by="Eleanor Marsh", revision=23, category="Information Governance",
             created=dt.datetime(2026, 9, 8, 10, 15, 0))
    doc.save(path)
    normalise_docx(path, (2026, 10, 30, 17, 42, 0))


# ----------------------------------------------------------------------------
# PDF helpers
# ----------------------------------------------------------------------------

_ss = getSampleStyleSheet()
PS_BODY = ParagraphStyle("body", parent=_ss["Normal"], fontName="Helvetica",
                         fontSize=9.5, leading=12.5, spaceAfter=5)
PS_CELL = ParagraphStyle("cell", parent=_ss["Normal"], fontName="Helvetica",
                         fontSize=8, leading=10)
PS_CELL_B = ParagraphStyle("cellb", parent=PS_CELL, fontName="Helvetica-Bold")
PS_TITLE = ParagraphStyle("title", parent=_ss["Title"], fontName="Helvetica-Bold",
                          fontSize=15, leading=19, spaceAfter=6)
PS_SUB = ParagraphStyle("sub", parent=PS_BODY, fontName="Helvetica-Bold",
                        fontSize=11, leading=14, spaceBefore=8, spaceAfter=4)
PS_H = ParagraphStyle("h", parent=PS_BODY, fontName="Helvetica-Bold",
                      fontSize=10, leading=13, spaceBefore=9, spaceAfter=3)
PS_SMALL = ParagraphStyle("small", parent=PS_BODY, fontSize=8, leading=10,
                          textColor=colors.HexColor("#444444"))


def P(text, style=PS_BODY):
    return Paragraph(escape(text), style)


def ruled_table(rows, widths, header_fill="#D9D9D9", size_style=PS_CELL):
    data = []
    for i, row in enumerate(rows):
        st = PS_CELL_B if i == 0 else size_style
        data.append([Paragraph(escape(str(c)), st) for c in row])
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(header_fill)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def page_decorator(header_left, header_right, footer_left):
    def _draw(canvas, doc):
        canvas.saveState()
        w, h = A4
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, h - 12 * mm, header_left)
        canvas.drawRightString(w - 18 * mm, h - 12 * mm, header_right)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.4)
        canvas.line(18 * mm, h - 13.5 * mm, w - 18 * mm, h - 13.5 * mm)
        canvas.drawString(18 * mm, 10 * mm, footer_left)
        canvas.drawRightString(w - 18 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()
    return _draw


def make_pdf(path, story, title, author, subject, header_left, header_right,
             footer_left):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm,
                            rightMargin=18 * mm, topMargin=20 * mm,
                            bottomMargin=18 * mm, title=title, author=author,
                            subject=subject, creator="Microsoft Word",
                            producer="ReportLab PDF Library", invariant=1)
    deco = page_decorator(header_left, header_right, footer_left)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)


# ----------------------------------------------------------------------------
# 3. Security questionnaire response (ruled tables)
# ----------------------------------------------------------------------------

SQ_INFO = [
    ["Field", "Detail"],
    ["Questionnaire", "Brightwater Homes Third-Party Security Questionnaire (TPSQ) v3.1"],
    ["Supplier", "Meridian Civic Software Ltd (company no. 10934418), Calder House, 31 Kirkstall Road, Leeds LS3 1LH"],
    ["Service assessed", "Abode360 - Repairs, Tenant Portal, Ask Abode, Environment"],
    ["Response version", "1.1 (supersedes v1.0 of 18 September 2026; corrections to CERT-01, HOST-02 and BCK-03)"],
    ["Date", "25 September 2026"],
    ["Prepared by", "Oliver Brandt, Head of Security Assurance"],
    ["Approved by", "Ruth Okafor, Chief Information Security Officer"],
    ["Brightwater contact", "Callum Fenwick, Information Security Manager"],
    ["Confidentiality", "Commercial in confidence. Provided under the mutual NDA dated 2 June 2026."],
]

SQ_INTRO = [
    "Meridian Civic Software is pleased to respond to Brightwater Homes' third-party security "
    "questionnaire. Responses describe the standard Abode360 multi-tenant service as operated at "
    "the date of this response. Where a response refers to a planned capability, the date given "
    "is our current roadmap expectation and is not a contractual commitment unless it is "
    "included in the Order Form.",
    "Evidence marked 'available under NDA' can be shared through our trust portal on request. "
    "Short responses are given in the Response column; please read them together with the "
    "comment, which may qualify the response.",
]

SQ_HEAD = ["Ref", "Question", "Response", "Evidence / comment"]

SQ_SECTIONS = [
    ("A. Governance", [
        ["GOV-01", "Do you have a documented information security policy approved by senior management?", "Yes", "ISMS policy set v7.2 approved by the Meridian UK Board in March 2026 and reviewed annually. Policy index available under NDA."],
        ["GOV-02", "Is there a named individual accountable for information security?", "Yes", "Ruth Okafor, CISO, reporting to the UK Managing Director and, for group matters, to the Group CTO in Toronto."],
        ["GOV-03", "Have you appointed a Data Protection Officer?", "Yes", "Thomas Greaves, Group DPO (Meridian Civic Holdings Inc.), based in Leeds."],
        ["GOV-04", "Do all staff complete security and data protection training on joining and at least annually?", "Yes", "Completion for FY2026 was 97%. Quarterly phishing simulations; click rate 3.1% in the last campaign."],
        ["GOV-05", "Are staff with access to customer data background screened?", "Yes", "UK staff: identity, right to work, employment history and basic DBS check before production access is granted. Contractor staff are screened by their employer to an equivalent standard."],
        ["GOV-06", "Have you had a security incident affecting customer data in the last 36 months?", "No", "No incident has required notification to the ICO. In March 2025 a report extract was emailed to the wrong contact at a customer; it was assessed as low risk and notified to that customer."],
    ]),
    ("B. Certifications and assurance", [
        ["CERT-01", "Are you certified to ISO/IEC 27001?", "Yes", "ISO/IEC 27001:2022, certificate IS 771203, issued by Alderley Certification Ltd (UKAS accredited), valid to 14 March 2028. Certificate and Statement of Applicability v12 attached."],
        ["CERT-02", "Does the certification scope cover all services proposed to Brightwater?", "Partially", "Scope: development, operation and support of the Abode360 platform from Leeds. The Environment module (acquired with HabiSense Ltd in May 2025) is not yet in scope; extension planned at the March 2027 surveillance audit."],
        ["CERT-03", "Do you hold a SOC 2 Type II report?", "Planned Q3 2027", "SOC 2 Type I report dated 30 June 2026 available under NDA. Type II observation period began 1 July 2026."],
        ["CERT-04", "Do you hold Cyber Essentials Plus?", "Yes", "Certificate valid to 21 May 2027."],
        ["CERT-05", "Are you certified to ISO/IEC 27701 or ISO/IEC 42001?", "No", "ISO/IEC 42001 gap analysis under way. No certification date committed."],
        ["CERT-06", "Are you PCI DSS compliant?", "N/A", "Abode360 does not store, process or transmit cardholder data. Payment links hand off to the customer's payment provider."],
        ["CERT-07", "Has the service had an independent penetration test in the last 12 months, and are any critical or high findings open?", "Yes - none open", "Annual CREST test by Ashdown Cyber Ltd, April 2026 (web application, APIs and iOS app). Two high findings were remediated and retested in May 2026. Ask Abode was in limited release at the time and was not in the test scope. Brightwater may commission its own test."],
    ]),
    ("C. Hosting and data location", [
        ["HOST-01", "Where will our data be hosted?", "AWS eu-west-2", "AWS Europe (London), three availability zones. Production database, object storage (photos, signatures, recordings) and compute."],
        ["HOST-02", "Will all customer data remain in the UK?", "Yes", "Production data is stored in eu-west-2. Encrypted backup copies are replicated to AWS eu-west-1 (Ireland) for disaster recovery. For Ask Abode language model processing see AI-03."],
        ["HOST-03", "Is the service multi-tenant? How is our data separated?", "Yes", "Dedicated database schema per customer; shared application tier with tenant ID enforced in every query; per-customer KMS keys for object storage."],
        ["HOST-04", "Is a single-tenant deployment available?", "Yes", "Available at additional cost; not included in the proposal."],
        ["HOST-05", "How is physical security of data centres assured?", "N/A", "Inherited from AWS. AWS ISO 27001 and SOC 2 reports available through AWS Artifact."],
        ["HOST-06", "Is customer data ever used in non-production environments?", "No", "Production data is not copied to development or test. Exceptionally, with the customer's written approval, data may be loaded into an isolated UAT environment in eu-west-2 for migration rehearsal and deleted afterwards."],
    ]),
    ("D. Access control", [
        ["ACC-01", "Does the service support SSO with Microsoft Entra ID?", "Yes", "SAML 2.0 and OIDC. SCIM 2.0 provisioning and de-provisioning supported."],
        ["ACC-02", "Is MFA enforced for all administrative access?", "Yes", "Meridian staff: MFA through our corporate identity provider with hardware keys for production. Customer users: enforced through the customer's Entra ID conditional access."],
        ["ACC-03", "Can local (non-SSO) accounts be disabled?", "Partially", "Local accounts can be disabled for all customer users. One break-glass local administrator account per customer tenancy is retained for Meridian support; its credentials are vaulted and every use raises an alert."],
        ["ACC-04", "Is access role-based?", "Yes", "42 standard roles; customers can create custom roles."],
        ["ACC-05", "Can contractor users be restricted to their own jobs?", "Yes", "Contractor organisation scoping restricts contractor users to jobs allocated to their organisation."],
        ["ACC-06", "Can access to sensitive fields (e.g. vulnerability information) be restricted by role?", "Partially", "Sensitive fields can be restricted by role in the web application. Field-level restriction in the mobile app is planned for Q2 2027. At present any mobile user who can see a job can see the Visit Considerations attached to it."],
        ["ACC-07", "How is privileged access by your staff controlled?", "Yes", "Just-in-time elevation through our PAM tool with peer approval, time-limited sessions and session recording."],
        ["ACC-08", "Are user access reviews carried out?", "Yes", "Quarterly for production and privileged access; monthly leaver reconciliation against HR records."],
    ]),
    ("E. Encryption", [
        ["ENC-01", "Is data encrypted in transit?", "Yes", "TLS 1.2 minimum, TLS 1.3 preferred. A legacy sensor gateway endpoint still accepts TLS 1.1 for older HabiSense devices and will be retired by 31 December 2026."],
        ["ENC-02", "Is data encrypted at rest?", "Yes", "AES-256 using AWS KMS for databases, object storage and backups."],
        ["ENC-03", "Can we manage our own encryption keys (BYOK/HYOK)?", "No", "Not currently offered. On the roadmap; no committed date."],
        ["ENC-04", "Is data stored on mobile devices encrypted?", "Yes", "Job data is cached in an encrypted local database. Photos are held in the app sandbox until uploaded and then removed."],
        ["ENC-05", "Are encryption keys rotated?", "Yes", "Automatic annual rotation of KMS keys."],
    ]),
    ("F. Logging and monitoring", [
        ["LOG-01", "Is user and administrator activity logged?", "Yes", "Sign-in, record view, change, export and administrative actions are logged with user, timestamp and source IP."],
        ["LOG-02", "How long are logs retained?", "12 months", "Application audit logs 12 months online. Security logs retained 400 days in the SIEM."],
        ["LOG-03", "Can logs be exported to our SIEM (Microsoft Sentinel)?", "Partially", "Audit log REST API available now. Native Sentinel data connector planned Q1 2027."],
        ["LOG-04", "Is there 24x7 security monitoring?", "Yes", "Group security operations centre (Toronto) with a managed detection and response partner providing 24x7 coverage."],
        ["LOG-05", "Is access to our data by your staff logged and visible to us?", "Yes", "All support access is logged; a report is available to customer administrators on request."],
    ]),
    ("G. Backup and disaster recovery", [
        ["BCK-01", "How often are backups taken and how long are they kept?", "Continuous", "Database point-in-time recovery with 35-day retention; object storage versioning with 35-day retention; daily snapshots."],
        ["BCK-02", "Are backups encrypted and held in a separate location?", "Yes", "Encrypted; copied to AWS eu-west-1 (Ireland)."],
        ["BCK-03", "What are your RPO and RTO?", "RPO 1 hour; RTO 8 hours", "Database recovery point is typically under 5 minutes; 1 hour is the figure we commit to. RTO is for full regional failover."],
        ["BCK-04", "Is disaster recovery tested?", "Yes", "Annually. Last full regional failover test February 2026 achieved recovery in 5 hours 10 minutes."],
        ["BCK-05", "Can individual records be restored?", "No", "Restores are performed at platform level. Recovery of individual records is handled as a P3 service request."],
    ]),
    ("H. Incident management", [
        ["INC-01", "Do you have a documented and tested incident response plan?", "Yes", "Incident response plan v5.0; tabletop exercises twice a year, most recently July 2026 (ransomware scenario)."],
        ["INC-02", "Within what time will you notify us of a personal data breach affecting our data?", "72 hours", "Without undue delay and within 72 hours of becoming aware, in line with Article 33. We aim to give initial notification within 24 hours where practicable."],
        ["INC-03", "Will you notify us of security incidents that do not involve personal data?", "Partially", "Incidents affecting availability are published on the status page. Security incidents with no impact on customer data are not routinely notified."],
        ["INC-04", "Will you support our forensic investigation?", "Yes", "Log preservation and reasonable assistance; extensive forensic work may be chargeable."],
        ["INC-05", "What are your patching timescales?", "Critical 7 days; High 30 days", "Measured from vendor release or our own discovery. Compliance 96% in the last quarter."],
    ]),
    ("I. Subcontractors and supply chain", [
        ["SUP-01", "Please list all sub-processors that will process our data.", "See Annex B", "Annex B lists all sub-processors at the date of this response."],
        ["SUP-02", "Will any of our data be accessed from outside the UK or EEA?", "No", "Third-line engineering by Meridian Civic Holdings Inc. in Canada (adequacy) under just-in-time access. For Ask Abode language model processing see AI-03."],
        ["SUP-03", "Is support delivered from the UK?", "Yes", "Service desk operates from Leeds, 08:00-18:00 Monday to Friday. Out-of-hours P1 and P2 cover is provided through an on-call rota."],
        ["SUP-04", "Do you flow down equivalent security and data protection obligations to subcontractors?", "Yes", "Written contracts with Article 28 terms; security schedule based on our supplier standard SS-04."],
        ["SUP-05", "Will you give advance notice of changes to sub-processors?", "Yes", "30 days' notice by email to the nominated contact and on our sub-processor web page."],
        ["SUP-06", "Do you assess the security of your critical suppliers?", "Yes", "Annual assessment of critical suppliers; AWS and Aperture AI assessed in 2026."],
    ]),
    ("J. Artificial intelligence", [
        ["AI-01", "Does the service use AI or machine learning? Please describe.", "Yes", "Ask Abode uses the Corto 2 large language model from Aperture AI Inc. for summaries, triage suggestions and chat. Speech-to-text uses a model we host in eu-west-2. Repairs uses a small in-house classifier for job-code suggestion."],
        ["AI-02", "Is our data used to train any AI model?", "No", "Customer data is not used to train Aperture's foundation models. Under clause 9.4 of our MSA, Meridian may use de-identified and aggregated data to improve the services, which can include evaluating and fine-tuning our own triage classifiers."],
        ["AI-03", "Where is language model inference performed?", "USA (Aperture US-East)", "Currently Aperture's US-East region (Virginia). Aperture EU region (Frankfurt) planned Q1 2027. US transfers rely on Aperture's certification under the UK Extension to the EU-US Data Privacy Framework."],
        ["AI-04", "Does the model provider retain prompts or outputs?", "Partially", "Aperture retains inputs and outputs for up to 30 days for abuse monitoring unless zero data retention is approved. Meridian applied for zero data retention in August 2026."],
        ["AI-05", "Is call audio sent to the model provider?", "No", "Only text transcripts are sent. Audio does not leave eu-west-2."],
        ["AI-06", "Is there human oversight of AI outputs?", "Yes", "Advisers confirm or change triage suggestions and can edit summaries before they are saved."],
        ["AI-07", "Has accuracy and bias been tested, including for accents and dialects?", "Partially", "Evaluated on our UK housing benchmark of about 6,000 calls from four customers. North-East English accents are not represented; we propose testing with local speakers during the pilot."],
        ["AI-08", "What protections are there against prompt injection and misuse?", "Yes", "Input filtering, hardened system prompts, output filtering and rate limiting. Red-team exercise completed June 2026."],
        ["AI-09", "Can AI features be switched off by channel or queue?", "Yes", "Configurable per queue and per channel by customer administrators."],
        ["AI-10", "Does the service make automated decisions with legal or similarly significant effects?", "No", "All AI outputs are advisory."],
        ["AI-11", "Is special category or vulnerability data included in prompts?", "Configurable", "By default, Visit Considerations on the account are included in the context given to Ask Abode so that responses can be tailored. This can be disabled by the customer."],
    ]),
    ("K. Secure development", [
        ["DEV-01", "Is your development lifecycle aligned to a recognised secure development framework?", "Yes", "Aligned to NIST SSDF; OWASP ASVS Level 2 used as the web application security baseline."],
        ["DEV-02", "Do you run static, dynamic and dependency scanning?", "Yes", "SAST and software composition analysis on every merge; DAST weekly against staging."],
        ["DEV-03", "Is peer code review mandatory?", "Yes", "Two-person review enforced by branch protection."],
        ["DEV-04", "Are mobile apps security tested?", "Partially", "iOS app tested in April 2026. Android app last tested in September 2025; next test planned with the 3.8 release."],
        ["DEV-05", "Can you provide a software bill of materials (SBOM)?", "Planned Q3 2027", "Dependency lists can be provided on request in the meantime."],
    ]),
    ("L. Data lifecycle and privacy", [
        ["DAT-01", "Can we export all our data at the end of the contract?", "Yes", "CSV and JSON exports with media files and a manifest."],
        ["DAT-02", "Will our data be deleted on termination?", "Yes", "Within 90 days of termination, with a deletion certificate on request."],
        ["DAT-03", "Can retention periods be configured per data type?", "Partially", "Configurable for call recordings, transcripts and chat logs. Photo retention is fixed for the contract term; configurable retention planned Q2 2027."],
        ["DAT-04", "Do Environment sensors collect audio, video, occupancy or location data?", "No", "The HS-200 measures temperature, relative humidity and CO2. No audio, video or motion sensing."],
    ]),
]

SQ_ANNEX_B = [
    ["Sub-processor", "Purpose", "Location"],
    ["Amazon Web Services EMEA SARL", "Infrastructure hosting and backups", "UK (eu-west-2); Ireland (eu-west-1) backups"],
    ["Aperture AI Inc.", "Language model inference (Ask Abode)", "USA (US-East); EU region planned"],
    ["Meridian Civic Holdings Inc.", "Group engineering and security operations", "Canada"],
    ["Twilio Ireland Limited", "SMS notifications", "Ireland / USA"],
    ["Northgrid IoT Ltd", "LoRaWAN connectivity and device management (Environment)", "UK"],
    ["Deskwise Ltd", "Support ticketing", "Ireland"],
]

SQ_DECL = [
    ["Declaration", "Name", "Role", "Date"],
    ["Responses prepared by", "Oliver Brandt", "Head of Security Assurance", "25 September 2026"],
    ["Responses approved by", "Ruth Okafor", "Chief Information Security Officer", "25 September 2026"],
]


def build_questionnaire(path):
    W = A4[0] - 36 * mm
    widths = [16 * mm, 50 * mm, 25 * mm, W - 91 * mm]
    story = [
        P("Third-Party Security Questionnaire - Supplier Response", PS_TITLE),
        P("Abode360 for Brightwater Homes", PS_SUB),
        ruled_table(SQ_INFO, [40 * mm, W - 40 * mm]),
        Spacer(1, 6),
    ]
    for para in SQ_INTRO:
        story.append(P(para))
    total = 0
    for title, rows in SQ_SECTIONS:
        total += len(rows)
        story.append(CondPageBreak(45 * mm))
        story.append(P(title, PS_H))
        story.append(ruled_table([SQ_HEAD] + rows, widths))
    story.append(CondPageBreak(45 * mm))
    story.append(P("Annex B - Sub-processors (as at 25 September 2026)", PS_H))
    story.append(ruled_table(SQ_ANNEX_B, [55 * mm, 65 * mm, W - 120 * mm]))
    story.append(P("Declaration", PS_H))
    story.append(P("We confirm that, to the best of our knowledge and belief, the responses "
                   "above are accurate as at the date shown. Meridian will inform Brightwater "
                   "of any material change before contract signature."))
    story.append(ruled_table(SQ_DECL, [40 * mm, 35 * mm, 55 * mm, W - 130 * mm]))
    make_pdf(path, story,
             title="TPSQ v3.1 - Meridian Civic Software response v1.1",
             author="Oliver Brandt",
             subject="Abode360 security questionnaire response for Brightwater Homes",
             header_left="Meridian Civic Software Ltd - Response to Brightwater Homes TPSQ v3.1",
             header_right="Response v1.1 - 25 September 2026",
             footer_left="Commercial in confidence - provided under NDA dated 2 June 2026")
    return total


# ----------------------------------------------------------------------------
# 4. Programme Board minutes
# ----------------------------------------------------------------------------

MIN_META = [
    ["Meeting", "Abode360 Programme Board - meeting 7"],
    ["Date and time", "Wednesday 18 November 2026, 14:00-16:40"],
    ["Location", "Board Room 2, Quayside House, and Microsoft Teams"],
    ["Chair", "Martin Ridley, Director of Property Services (SRO)"],
    ["Minutes", "Sophie Carr, Programme Support Officer"],
    ["Status", "DRAFT - circulated 23 November 2026 for approval at meeting 8 (16 December 2026)"],
]

MIN_ATTEND = [
    ("Present", "Martin Ridley (Chair); Alison Purvis, Executive Director of Finance and "
                "Resources (SIRO); Joanne Tait, Director of Customer Experience; Rebecca "
                "Lowther, Abode360 Programme Manager; Dr Nadia Hussain, Data Protection Officer; "
                "Callum Fenwick, Information Security Manager; Gareth Wilkinson, Head of "
                "Procurement; Dave Charlton, Head of Repairs Operations; Phil Atkinson, Head of "
                "IT Infrastructure."),
    ("In attendance", "Fiona Armstrong, Head of Legal & Governance (items 7-8); Maureen Bell, "
                      "Chair, Tenants' Scrutiny Panel (item 3); Tom Heslop, Damp and Mould "
                      "Programme Lead (items 3 and 9); James Whitcombe, Account Director, and "
                      "Priya Nair, Delivery Lead, Meridian Civic Software (items 4 and 6 only); "
                      "Sophie Carr (minutes)."),
    ("Apologies", "Lindsay Robson, Contact Centre Manager (Joanne Tait covering); Claire Dunn, "
                  "Safeguarding Lead (written comments circulated)."),
]

MIN_ITEMS = [
    ("1. Welcome, apologies and declarations of interest", [
        "The Chair welcomed members, in particular Maureen Bell, attending for the first time. "
        "Phil Atkinson declared that a close family member works for Northgrid IoT Ltd, "
        "Meridian's connectivity subcontractor for the sensors. As Northgrid is not a direct "
        "supplier no action was needed, but Phil will not take part in decisions on sensor "
        "connectivity.",
    ]),
    ("2. Minutes of meeting 6 (21 October 2026) and matters arising", [
        "Approved. PB6-03 (sub-processor list) is closed, but see item 7. PB6-07 (accent "
        "testing approach) is carried forward and overdue.",
    ]),
    ("3. Tenants' Scrutiny Panel feedback", [
        "Maureen Bell reported on the panel session on 3 November (14 members, with Tom Heslop "
        "and Eleanor Marsh). On the sensors, members asked whether Brightwater would be "
        "'watching' people in their homes, whether readings could be used to blame tenants for "
        "condensation or to support rechargeable repairs or tenancy action, who could see the "
        "data, and whether they could say no or change their mind later. Several had not "
        "realised the device could measure carbon dioxide and were uneasy that this could show "
        "when they were at home.",
        "On Ask Abode, members were worried about 'talking to a robot', about local accents and "
        "older tenants, and about people with hearing impairments. Maureen said the panel was "
        "not against the technology; it wanted to know there would always be a person at the "
        "end of the line.",
        "Tom confirmed that CO2 is not needed for damp and mould monitoring. Joanne Tait "
        "confirmed that voice self-service is not part of the pilot. D7.1 to D7.3 were agreed. "
        "The panel will nominate two members to the pilot evaluation group and was invited to "
        "help with accent testing.",
    ]),
    ("4. Programme status and timeline", [
        "Rebecca Lowther reported overall status Amber. Entra ID sign-on and provisioning are "
        "complete; the telephony recording fork passed its test on 10 November; Unit4 is in "
        "build. The NEC Housing interface is behind plan because it needs an NEC API upgrade; "
        "Phil expects a date by the end of November.",
        "Priya Nair (Meridian) said that with the NEC dependency and the penetration test "
        "remediation (item 6), Pilot Go-Live on 1 February 2027 was no longer realistic. The "
        "Board agreed to move it to 15 March 2027 (D7.4). Full Go-Live remains planned for early "
        "September 2027.",
        "Alison Purvis noted that the RepairLink contract ends on 31 October 2027, leaving under "
        "eight weeks after Full Go-Live. Castlegate has quoted GBP 64,000 for a three-month "
        "extension to 31 January 2028; not approved now, to be reviewed in April 2027.",
    ]),
    ("5. Retention of call recordings and transcripts", [
        "The Board considered the options in section 6.2 of the draft DPIA (v0.4). Joanne said "
        "complaints and Housing Ombudsman cases often arrive months after the call and 90 days "
        "would leave the service without evidence. Lindsay Robson's figures showed that 2.6% of "
        "recording retrievals last year were for calls over six months old, almost all for "
        "complaints.",
        "Nadia Hussain advised that transcripts are more intrusive than recordings because they "
        "are searchable and feed the language model, and that the NEC summary is already the "
        "business record. She advised 12 months for transcripts.",
        "The Board agreed D7.5. Nadia asked for her advice on transcripts to be recorded as not "
        "accepted. Alison, as SIRO, accepted the risk for the pilot period.",
    ]),
    ("6. Penetration test results", [
        "Callum Fenwick summarised the Redline Assurance report (RA-2026-1187; testing 19-30 "
        "October, issued 6 November): no critical, three high, six medium, four low and three "
        "informational findings. H1: a tenant could view another tenant's repair photographs "
        "through the portal API by changing the job identifier. H2: the Android app stored "
        "session tokens (valid for 30 days) and pending photographs unencrypted on the device. "
        "H3: testers made Portal Chat reveal part of its instructions and state that a "
        "vulnerability flag existed on the test account.",
        "Callum noted that H2 contradicts Meridian's questionnaire answer on mobile encryption "
        "and that Meridian's April 2026 test had not covered Ask Abode. James Whitcombe said an "
        "H1 fix was in the test environment from 16 November, H2 would be fixed in app release "
        "3.8 (January 2027) and H3 through additional guardrails. Mediums include the retained "
        "break-glass account and the TLS 1.1 sensor endpoint. D7.6 was agreed.",
    ]),
    ("7. Sub-processors and data location", [
        "On 28 October Meridian disclosed that out-of-hours first-line support is provided by "
        "Sahyadri Support Services in Pune, India; this was not in the questionnaire. Meridian "
        "says about 18 Sahyadri staff work through a virtual desktop in the London region and "
        "cannot download data. Fiona Armstrong asked the Board to consider whether the late "
        "disclosure affects confidence in other answers. Meridian has offered onshore "
        "out-of-hours support at GBP 38,000 a year; Joanne favoured it, Alison did not support "
        "the cost at this point. D7.7 was agreed.",
        "Meridian has confirmed that Aperture's EU region (Frankfurt) will be available by the "
        "end of February 2027. Callum does not regard this as settled: Aperture's terms allow "
        "failover to the US during capacity events and its trust and safety review may involve "
        "US staff. Meridian says failover is disabled for UK customers but has provided nothing "
        "in writing. The Board agreed that no live tenant data will go through Ask Abode until "
        "the EU region is in use, and recorded Callum's reservation.",
    ]),
    ("8. Commercial terms and contract", [
        "Gareth Wilkinson and Fiona reported on Meridian's draft 5 (13 November). Tenant Portal "
        "pricing is down from GBP 1.45 to GBP 1.30 per home; Ask Abode is up from GBP 48,000 to "
        "GBP 52,000 a year with 1.2 million minutes. The five-year cost including an indexation "
        "estimate is GBP 2.46m against GBP 2.35m in the business case. Alison agreed the "
        "variance of about GBP 110,000 can come from contingency, which would leave GBP 70,000.",
        "Negotiating positions agreed:",
        "- Liability: Meridian offers 100% of annual fees. Minimum: the greater of GBP 1m and "
        "150% of annual fees, plus a separate data protection cap of at least GBP 3m.",
        "- Breach notification: Meridian has moved from 72 to 48 hours. Accepted, provided there "
        "is telephone notice within 24 hours of any P1 security incident.",
        "- Availability: Meridian offers 99.5%. Dave Charlton asked for 99.8% for mobile sync; "
        "the Board's position is 99.7% for Repairs.",
        "- Model improvement: Meridian offers no training but wants to evaluate models on "
        "de-identified transcripts. Rejected; numerical service metrics only.",
        "- Templates and configuration: Meridian says templates built from its standard library "
        "remain its property. Brightwater must own the 37 bespoke report templates and its "
        "workflow configuration and be able to export them. Fiona to draft 'Bespoke "
        "Deliverables' wording.",
        "Target signature date is 10 December 2026 (D7.8).",
    ]),
    ("9. Environment pilot", [
        "Tom said about 2,000 homes will be selected across the Gateshead, Blaydon and Jarrow "
        "patches: homes with a damp or mould report in the last 24 months plus a comparison "
        "group. In-house electricians would install from April 2027, about 25 minutes per home. "
        "The proposed alert rule is relative humidity above 70% for 72 hours. Fiona is checking "
        "whether an alert on its own means Brightwater is aware of a potential hazard under "
        "Awaab's Law; Tom's working assumption is that it triggers an inspection offer, not the "
        "statutory clock.",
    ]),
    ("10. Budget and risks", [
        "Spend to date is GBP 486,000 against the approved budget of GBP 3.1m (GBP 1.9m capital, "
        "GBP 1.2m revenue). Penetration test remediation is added as a new red risk.",
    ]),
    ("11. Any other business", [
        "Dave reported that Unite has asked for a meeting about the use of operative location "
        "data. HR will lead, with Nadia attending. Next meeting: 16 December 2026.",
    ]),
]

MIN_DECISIONS = [
    ["Ref", "Decision"],
    ["D7.1", "Environment participation will be opt-in with a written participation agreement. Tenants can withdraw at any time and sensors will be removed within 20 working days."],
    ["D7.2", "Sensor data will not be used for tenancy enforcement, rechargeable repair decisions or any other action against a tenant. The CO2 channel will be disabled for the pilot."],
    ["D7.3", "Callers will be told about Ask Abode at the start of every call and can always ask for an adviser. No voice self-service in the pilot."],
    ["D7.4", "Pilot Go-Live target moved from 1 February 2027 to 15 March 2027."],
    ["D7.5", "Retention: call recordings 6 months (180 days); transcripts and Portal Chat logs 24 months; summaries in NEC under the corporate schedule. DPO advice (12 months for transcripts) not accepted; to be reviewed at pilot evaluation."],
    ["D7.6", "Remediation of all three high findings, verified by a Redline retest, is a condition of Pilot Go-Live and will be written into the contract."],
    ["D7.7", "Sahyadri accepted as a sub-processor subject to a transfer risk assessment, an IDTA, a contractual warranty on the sub-processor list and no Sahyadri access to recordings, transcripts or Visit Considerations. Onshore option not taken up for now."],
    ["D7.8", "Alison Purvis and Fiona Armstrong authorised to sign within the item 8 positions; any departure to come back to the Chair."],
]

MIN_ACTIONS = [
    ["Ref", "Action", "Owner", "Due", "Status"],
    ["PB6-07", "Agree accent and dialect testing approach with Meridian", "L. Robson", "13 Nov 2026", "Overdue"],
    ["PB7-01", "Update DPIA to v0.5 with panel feedback and Board decisions", "E. Marsh", "4 Dec 2026", "Open"],
    ["PB7-02", "Draft sensor participation agreement and leaflet; review with panel", "T. Heslop", "29 Jan 2027", "Open"],
    ["PB7-03", "Confirm NEC API upgrade date", "P. Atkinson", "30 Nov 2026", "Open"],
    ["PB7-04", "Re-baseline plan for 15 March 2027 Pilot Go-Live", "R. Lowther / P. Nair", "2 Dec 2026", "Open"],
    ["PB7-05", "Book Redline retest of high findings", "C. Fenwick", "4 Dec 2026", "Open"],
    ["PB7-06", "Obtain written confirmation that Aperture US failover is disabled", "C. Fenwick", "4 Dec 2026", "Open"],
    ["PB7-07", "Transfer risk assessment and IDTA for Sahyadri", "N. Hussain / F. Armstrong", "4 Dec 2026", "Open"],
    ["PB7-08", "Negotiate draft 6 within Board positions; Bespoke Deliverables wording", "G. Wilkinson / F. Armstrong", "27 Nov 2026", "In progress"],
    ["PB7-09", "Legal view on sensor alerts and Awaab's Law", "F. Armstrong", "16 Dec 2026", "Open"],
    ["PB7-10", "Arrange meeting with Unite on location data", "HR Business Partner", "16 Dec 2026", "Open"],
    ["PB7-11", "Review RepairLink extension quote", "A. Purvis", "April 2027", "Not started"],
    ["PB7-12", "Panel to nominate two members to pilot evaluation group", "M. Bell", "16 Dec 2026", "Open"],
]

MIN_DISTRIBUTION = ("Distribution: Programme Board members and attendees; Executive Team "
                    "(for information); Programme Office file PB/2026/07. Item 8 is commercially "
                    "confidential and is not for onward circulation.")


def build_minutes(path):
    W = A4[0] - 36 * mm
    story = [
        P("Abode360 Programme Board", PS_TITLE),
        P("Minutes of meeting 7", PS_SUB),
        ruled_table([["Item", "Detail"]] + MIN_META, [35 * mm, W - 35 * mm]),
        Spacer(1, 6),
    ]
    for label, text in MIN_ATTEND:
        story.append(Paragraph("<b>%s:</b> %s" % (escape(label), escape(text)), PS_BODY))
    for heading, paras in MIN_ITEMS:
        story.append(CondPageBreak(25 * mm))
        story.append(P(heading, PS_H))
        for para in paras:
            story.append(P(para))
    story.append(CondPageBreak(40 * mm))
    story.append(P("Decisions log", PS_H))
    story.append(ruled_table(MIN_DECISIONS, [16 * mm, W - 16 * mm]))
    story.append(CondPageBreak(40 * mm))
    story.append(P("Actions log", PS_H))
    story.append(ruled_table(MIN_ACTIONS, [17 * mm, W - 105 * mm, 38 * mm, 25 * mm, 25 * mm]))
    story.append(Spacer(1, 6))
    story.append(P(MIN_DISTRIBUTION, PS_SMALL))
    make_pdf(path, story,
             title="Abode360 Programme Board - minutes of meeting 7 (18 November 2026)",
             author="Sophie Carr",
             subject="Abode360 Programme Board minutes - draft for approval",
             header_left="Brightwater Homes - Abode360 Programme Board - OFFICIAL",
             header_right="Meeting 7 - 18 November 2026 - DRAFT minutes",
             footer_left="Programme Office ref PB/2026/07")


# ----------------------------------------------------------------------------
# 5. Controls tracker (CSV)
# ----------------------------------------------------------------------------

TRACKER_HEADER = ["control_id", "area", "control", "source", "applies_to", "status",
                  "target_date", "owner", "last_reviewed", "evidence_ref", "notes"]

TRACKER_ROWS = [
    ["AB-IAM-01", "Identity & access", "Staff sign-in via Entra ID SSO with conditional access and MFA; local accounts disabled for BW users", "TPSQ ACC-01/ACC-03; OF 9.6", "All modules", "Implemented", "2026-12-18", "P. Atkinson", "2027-01-12", "EV-014 (UAT sign-in test)", "SCIM provisioning live in UAT. Meridian break-glass account still exists - see AB-IAM-02"],
    ["AB-IAM-02", "Identity & access", "Meridian break-glass local admin account vaulted; every use alerted to BW", "RA-2026-1187 M2", "Platform", "In progress", "2027-03-10", "C. Fenwick", "2027-01-15", "", "Alerting to our Sentinel workspace tested 08/01 - alert arrived 40 min late. Meridian investigating"],
    ["AB-IAM-04", "Identity & access", "Contractor users restricted to own jobs and limited Visit Considerations", "TPSQ ACC-05/ACC-06; DPIA R1", "Repairs mobile", "Partially implemented", "2027-06-30", "D. Charlton", "2027-01-14", "", "Org scoping works. Field-level VC restriction on mobile is vendor roadmap Q2 2027. Interim: contractors see VC06/VC07/VC08 only (workaround via role config - verified on 3 test users)"],
    ["AB-PEN-01", "Pen test remediation", "H1 - portal API object-level authorisation (photo access by job ID)", "RA-2026-1187 H1; OF 9.3", "Tenant Portal", "Closed", "2027-03-05", "C. Fenwick", "2027-01-11", "Redline retest RT-0111", "Retest passed 11/01/2027"],
    ["AB-PEN-02", "Pen test remediation", "H2 - Android app: tokens and pending photos encrypted on device; token lifetime reduced", "RA-2026-1187 H2; OF 9.5", "Repairs mobile", "In progress", "2027-02-05", "C. Fenwick", "2027-01-19", "", "App 3.8 slipped from 31/01 to 05/02. Token lifetime now 12h (was 30 days) - server-side change verified. Retest to follow release"],
    ["AB-PEN-03", "Pen test remediation", "H3 - Portal Chat prompt injection / disclosure of vulnerability flag", "RA-2026-1187 H3; OF 8.7", "Ask Abode", "Partially implemented", "2027-02-15", "C. Fenwick", "2027-01-19", "", "VC removed from LLM context (see AB-AI-04) so flag can no longer be disclosed. Instruction leakage still reproducible in 2 of 20 attempts in our own testing. Redline retest booked 15/02"],
    ["AB-PEN-04", "Pen test remediation", "Medium findings (6) closed within 90 days of Effective Date", "RA-2026-1187; OF 9.3", "Platform", "In progress", "2027-03-10", "C. Fenwick", "2027-01-15", "", "3 of 6 closed (M1 rate limiting, M4 verbose errors, M5 TLS 1.1). M2 break-glass, M3 pre-signed URL lifetime, M6 CSP open"],
    ["AB-ENC-01", "Encryption", "TLS 1.2+ on all endpoints; legacy TLS 1.1 sensor gateway retired", "TPSQ ENC-01; OF 9.5", "Environment", "Implemented", "2026-12-31", "C. Fenwick", "2027-01-05", "External scan 05/01/2027", "Retired 14/12/2026. None of our HS-200 units need the legacy endpoint"],
    ["AB-LOG-02", "Logging", "Audit log feed into Microsoft Sentinel", "TPSQ LOG-03; OF 9.7", "Platform", "In progress", "2027-03-01", "P. Atkinson", "2027-01-15", "", "Using REST API polling via Logic App. Native connector moved by Meridian from Q1 to Q2 2027"],
    ["AB-BCK-01", "Backup & DR", "DR meets RPO 1h / RTO 4h (Repairs, Portal, Ask Abode)", "OF 4.6", "Platform", "Failed - retest required", "2027-06-30", "P. Atkinson", "2026-12-09", "Meridian DR report 03/12/2026", "Test on 03/12 achieved RPO 22 min but RTO 6h 40m. Must be retested in the 3 months before full go-live"],
    ["AB-BCK-02", "Backup & DR", "Backup copies in AWS eu-west-1 (Ireland)", "TPSQ HOST-02/BCK-02; OF 7.1", "Platform", "Risk accepted", "", "N. Hussain", "2026-12-02", "", "EEA adequacy. Noted that TPSQ HOST-02 answer ('Yes' to UK-only storage) was not accurate"],
    ["AB-CER-01", "Assurance", "ISO 27001 scope extended to Environment module", "TPSQ CERT-02; OF 9.1", "Environment", "Not started", "2027-06-30", "C. Fenwick", "2027-01-15", "", "Meridian surveillance audit moved from March to April 2027. Sensor installs start April - gap accepted for pilot?"],
    ["AB-PRI-01", "Privacy", "Breach notification: 36h for personal data breach; phone within 24h for P1 security incident", "OF 6.7", "All", "In progress", "2027-02-26", "C. Fenwick", "2027-01-15", "", "Contract done. BW incident response plan (IRP v4) still shows Meridian at 72h and has no Meridian out-of-hours contact - update needed"],
    ["AB-PRI-02", "Privacy", "DPIA IG-DPIA-2026-014 approved before pilot", "OF 3.2(c)", "All", "In progress", "2027-03-26", "E. Marsh", "2027-01-18", "DPIA v0.7", "With DPO. Pilot re-baselined to 12/04/2027 at PB9 (13/01) - H2 slip and NEC interface. DPO sign-off must precede go-live"],
    ["AB-PRI-03", "Privacy", "Call recordings deleted after 180 days", "OF 6.6; PB D7.5", "Ask Abode", "Implemented", "2027-01-14", "E. Marsh", "2027-01-14", "UAT retention config", "Configured in UAT; production at go-live"],
    ["AB-PRI-04", "Privacy", "Transcripts and chat logs retention", "OF 6.6; Exec Team 12/01/2027", "Ask Abode", "In progress", "2027-02-28", "E. Marsh", "2027-01-18", "", "Exec Team on 12/01/2027 reduced transcripts and chat logs to 12 months following DPO escalation. Contract still says 24 months - variation CV-01 drafted by Legal. UAT config currently 24 months"],
    ["AB-PRI-05", "Privacy", "Free-text vulnerability and safeguarding notes not sent from NEC to Abode360", "OF 6.5; DPIA 2.2", "Repairs", "Partially implemented", "2027-03-05", "R. Lowther", "2027-01-13", "SIT log NEC-IF-22", "Notes fields excluded from interface. But NEC 'additional info' on the flag record holds free text in about 7% of flagged tenancies and is mapped - mapping to be removed and data cleansed"],
    ["AB-PRI-06", "Privacy", "Sensors: CO2 channel disabled before installation", "OF 2.3; PB D7.2", "Environment", "Implemented", "2027-03-31", "T. Heslop", "2027-01-07", "Device profile BW-P1", "Verified on 50-device sample from first delivery (1,200 units)"],
    ["AB-PRI-07", "Privacy", "Sensor opt-in, participation agreement and withdrawal (sensors removed within 20 working days)", "PB D7.1", "Environment", "In progress", "2027-03-31", "T. Heslop", "2027-01-14", "", "Leaflet draft 3 with Scrutiny Panel. Policy statement on non-use for tenancy enforcement to Customer Committee 09/02/2027"],
    ["AB-PRI-08", "Privacy", "Privacy notice, call announcement and chat banner updated", "DPIA A6; OF 8.5", "Ask Abode", "In progress", "2027-03-26", "E. Marsh", "2027-01-18", "", "Announcement script agreed with contact centre. Privacy notice not yet published"],
    ["AB-PRI-09", "Privacy", "PoC call recordings (312, shared Aug 2026) deleted by Meridian", "NDA 02/06/2026", "Ask Abode", "Closed", "2026-12-04", "E. Marsh", "2026-12-04", "Deletion certificate 04/12/2026", ""],
    ["AB-PRI-10", "Privacy", "Operative location captured at job start and completion only; use agreed with unions", "OF 2.4; DPIA R12", "Repairs mobile", "In progress", "2027-03-12", "HR Business Partner", "2027-01-11", "", "Unite meeting held 07/01. Draft protocol: no use in disciplinary cases except where a safety incident is under investigation - not agreed yet"],
    ["AB-AI-01", "AI", "All Ask Abode LLM processing in Aperture EU Region (Frankfurt); no US routing on failover", "OF 8.2; PB7-06", "Ask Abode", "Conditional", "2027-02-28", "C. Fenwick", "2027-01-19", "Meridian screenshot 09/01/2027", "Meridian config shows EU endpoint and failover off for our tenancy. No confirmation from Aperture itself; Aperture ToS still allows capacity failover. Not closing until Aperture letter received"],
    ["AB-AI-02", "AI", "Zero data retention at LLM Provider", "OF 6.6; TPSQ AI-04", "Ask Abode", "Partially implemented", "2027-02-28", "C. Fenwick", "2027-01-19", "Aperture ZDR approval 21/12/2026", "Approval letter covers EU region only"],
    ["AB-AI-03", "AI", "No use of Customer Data (incl. de-identified) to train, fine-tune or evaluate models", "OF 8.3; MSA 9.4 deleted", "Ask Abode", "Implemented", "2027-12-31", "G. Wilkinson", "2026-12-10", "OF 8.3", "Contractual. First annual confirmation due Dec 2027"],
    ["AB-AI-04", "AI", "Visit Considerations excluded from LLM prompts (priority indicator only)", "OF 8.7; DPIA A7", "Ask Abode", "Implemented", "2027-01-13", "R. Lowther", "2027-01-13", "Prompt log sample (200)", "Checked 200 UAT prompts - priority flag only"],
    ["AB-AI-05", "AI", "Local accent and dialect accuracy testing", "TPSQ AI-07; OF 8.6", "Ask Abode", "Planned", "2027-02-26", "L. Robson", "2027-01-18", "", "40 volunteers incl. 6 Scrutiny Panel members, sessions w/c 15/02. Triage agreement target 85%"],
    ["AB-SUP-01", "Supply chain", "Sahyadri (Pune): TRA, IDTA, VDI-only access, no access to recordings/transcripts/VCs", "OF 5.2; PB D7.7", "Support", "Partially implemented", "2027-02-26", "N. Hussain", "2027-01-15", "TRA 04/12/2026; IDTA 09/12/2026", "Paperwork complete. We have not yet seen the VDI controls demonstrated - Meridian to demo"],
    ["AB-SUP-02", "Supply chain", "Sub-processor change notices reviewed within 30 days", "OF 7.2", "All", "In progress", "2027-02-05", "N. Hussain", "2027-01-15", "Meridian notice 06/01/2027", "Notice: Deskwise to be replaced by HelpLoop Ltd (ticketing, Ireland) from 05/02/2027. No objection expected; DPO review pending"],
    ["AB-GOV-01", "Contract governance", "Parent company guarantee from Meridian Civic Holdings Inc.", "OF 18.3", "Contract", "Overdue", "2027-01-12", "F. Armstrong", "2027-01-15", "", "Chased 15/01. Meridian says Toronto board sign-off late January"],
    ["AB-GOV-02", "Contract governance", "Insurance certificates (cyber GBP 10m, PI GBP 5m, product GBP 5m)", "OF 13", "Contract", "Partially implemented", "2026-12-24", "G. Wilkinson", "2027-01-08", "", "Cyber and PI certificates received. Product liability (sensors) outstanding"],
    ["AB-GOV-03", "Contract governance", "Exit Plan delivered and approved", "OF 16.1; M1", "Contract", "In progress", "2027-02-08", "R. Lowther", "2027-01-16", "Exit Plan draft v0.2", "Draft has no detail on exporting Ask Abode transcripts or sensor readings"],
    ["AB-GOV-04", "Contract governance", "Register of Bespoke Deliverables (Annex 3) agreed", "OF 11.4", "Contract", "Disputed", "2027-01-09", "F. Armstrong", "2027-01-15", "", "Meridian claims 11 of the 37 report templates are Standard Templates. Escalated to first quarterly review (March 2027)"],
]


def build_tracker(path):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(TRACKER_HEADER)
        for row in TRACKER_ROWS:
            assert len(row) == len(TRACKER_HEADER), row[0]
            w.writerow(row)
    return len(TRACKER_ROWS)


# ----------------------------------------------------------------------------

def main():
    build_contract(os.path.join(HERE, "contract-schedule.docx"))
    build_dpia(os.path.join(HERE, "dpia-draft.docx"))
    n_q = build_questionnaire(os.path.join(HERE, "security-questionnaire-response.pdf"))
    build_minutes(os.path.join(HERE, "steering-minutes.pdf"))
    n_t = build_tracker(os.path.join(HERE, "controls-tracker.csv"))
    print("questionnaire rows:", n_q, "tracker rows:", n_t)


if __name__ == "__main__":
    main()
