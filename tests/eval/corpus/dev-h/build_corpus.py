#!/usr/bin/env python3
"""Deterministic builder for the dev-h evaluation corpus (fictional documents).

Writes, into the directory containing this script:
  contract-schedule.docx, dpia-draft.docx, vendor-security-response.pdf,
  steering-minutes.pdf, service-levels.csv

All organisations, people, products, numbers and events are fictional.
Run with:  /work/main/.venv/bin/python build_corpus.py
"""

import csv
import datetime as _dt
import io
import os
import re
import zipfile
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # fixed creation date / document id in PDFs

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Pt, Cm, RGBColor  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

OUT = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Generic helpers
# ---------------------------------------------------------------------------

_BOLD_RE = re.compile(r"(\*\*.+?\*\*)")


def _runs(par, text, size=None, bold_all=False, italic=False):
    for chunk in _BOLD_RE.split(text):
        if not chunk:
            continue
        bold = bold_all
        if chunk.startswith("**") and chunk.endswith("**"):
            chunk = chunk[2:-2]
            bold = True
        r = par.add_run(chunk)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    return par


def d_para(doc, text, bold=False, size=None, align=None, italic=False,
           space_after=6, style=None, indent_cm=None):
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    _runs(p, text, size=size, bold_all=bold, italic=italic)
    p.paragraph_format.space_after = Pt(space_after)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent_cm:
        p.paragraph_format.left_indent = Cm(indent_cm)
    return p


def d_table(doc, rows, widths_cm=None, header=True, size=9):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            p = cell.paragraphs[0]
            _runs(p, val, size=size, bold_all=(header and i == 0))
            if widths_cm:
                cell.width = Cm(widths_cm[j])
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    return t


def set_core(doc, title, author, subject, created, modified, revision,
             keywords="", comments="", category="", last_by=None):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = comments
    cp.category = category
    cp.created = created
    cp.modified = modified
    cp.last_printed = created
    cp.last_modified_by = last_by or author
    cp.revision = revision
    cp.language = "en-GB"
    cp.identifier = ""
    cp.content_status = ""
    cp.version = ""


def save_docx(doc, path, stamp):
    """Save a docx with fixed zip member timestamps and attributes."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    zin = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zi = zipfile.ZipInfo(item.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            zout.writestr(zi, data, compresslevel=9)


def base_doc(font="Calibri", size=10.5):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    sec = doc.sections[0]
    sec.page_height = Cm(29.7)
    sec.page_width = Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    return doc


# ---------------------------------------------------------------------------
# 1. Contract schedule (Meridale commercial voice; NO heading styles)
# ---------------------------------------------------------------------------

def build_contract():
    doc = base_doc(font="Arial", size=10)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "Meridale Systems Ltd – Order Form MSL-OF-2026-0187 v3.0 – Commercial in Confidence"
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.text = ("Execution version. Subject to the Meridale Master Subscription Agreement v5.2 "
               "and Data Processing Addendum v3.1.")
    fp.runs[0].font.size = Pt(8)

    H = lambda t: d_para(doc, t, bold=True, size=11, space_after=4)  # noqa: E731
    P = lambda t, **k: d_para(doc, t, **k)  # noqa: E731

    d_para(doc, "MERIDALE SYSTEMS LTD", bold=True, size=12, align="center", space_after=2)
    d_para(doc, "ORDER FORM AND CONTRACT SCHEDULE", bold=True, size=15, align="center", space_after=2)
    d_para(doc, "HomeFix Connect Subscription Services", size=12, align="center", space_after=10)
    d_table(doc, [
        ["Order Form reference", "MSL-OF-2026-0187"],
        ["Version", "3.0 (Execution Version) – supersedes v2.1 dated 12 October 2026"],
        ["Date of this version", "27 November 2026"],
        ["Customer procurement reference", "AHG/PROC/2026/041"],
        ["Framework", "Yorkshire Housing Technology Framework YHTF/2024/03, Lot 2 (Repairs and Asset Management Systems)"],
        ["Prepared by", "Fiona Latchford, Head of Commercial & Legal, Meridale Systems Ltd"],
    ], widths_cm=[5.5, 11.0], header=False)

    P("This Order Form is entered into pursuant to, and incorporates, the Meridale Master Subscription "
      "Agreement version 5.2 (the “MSA”), the Meridale Data Processing Addendum version 3.1 (the “DPA”) and "
      "the Special Conditions in Part B. In the event of conflict the order of precedence is: (a) the Special "
      "Conditions; (b) Part A; (c) the DPA, which shall prevail over Part A in relation to Personal Data; and "
      "(d) the MSA. Capitalised terms not defined here have the meanings given in the MSA.")

    d_para(doc, "PART A – ORDER DETAILS", bold=True, size=12, space_after=6)

    H("1. Parties")
    d_table(doc, [
        ["Party", "Details"],
        ["Supplier", "Meridale Systems Ltd, a company incorporated in England and Wales with company number "
                     "09847215, whose registered office is at Unit 4, Kelham Works, 60 Alma Street, Sheffield "
                     "S3 8SA (VAT registration GB 228 4617 90)."],
        ["Customer", "Ashgrove Homes Group Limited, a registered society under the Co-operative and Community "
                     "Benefit Societies Act 2014 with registered number 31207R and a private registered provider "
                     "of social housing registered with the Regulator of Social Housing under number L4471, "
                     "whose registered office is at Ashgrove House, 14 Wellington Street, Leeds LS1 4DL."],
        ["Customer Group Member", "Ashgrove Living Limited (company number 10422938), a wholly owned "
                                  "subsidiary of the Customer, which may use the Services for Homes it owns or "
                                  "manages. The Customer remains responsible for its acts and omissions."],
    ], widths_cm=[4.0, 12.5])

    H("2. Definitions")
    P("2.1 In this Order Form: “**Home**” means a residential dwelling owned or managed by the Customer Group "
      "and recorded as an active rental property in the Customer’s housing management system (currently "
      "Tenancia Housing, supplied by Brightwater Software Ltd) on the relevant Count Date, being 1 December in "
      "each year; “**Monitored Home**” means a Home in which Customer-supplied sensors transmit Sensor "
      "Telemetry to the Services; “**Sensor Telemetry**” means temperature, relative humidity and device status "
      "readings received from the Customer’s sensor provider, which shall constitute Customer Data and, to the "
      "extent it constitutes Personal Data, Customer Personal Data; and “**Conversation**” means a single AI "
      "Assistant session, ending on closure, hand-off to a human agent or thirty (30) minutes of inactivity.")
    P("2.2 “**Third-Party Model**” means the Tessera-M large language model (currently version 4.2) licensed to "
      "the Supplier by Tessellate AI, Inc., and any successor notified under paragraph 12.6; “**Supplier "
      "Models**” means the Supplier’s HF-Triage classification model and DampRisk prediction model; "
      "“**De-identified Service Data**” means data derived from Customer Data from which direct identifiers "
      "have been removed; and “**Customer Dependencies**” has the meaning given in the Implementation Plan and "
      "includes the availability of version 3 of the Tenancia application programming interface.")

    H("3. Term")
    P("3.1 This Order Form comes into force on the date of signature by both parties (the “**Effective "
      "Date**”). The Service Commencement Date is 1 February 2027. The Initial Term is thirty-six (36) months "
      "from the Service Commencement Date, expiring on 31 January 2030 unless terminated earlier.")
    P("3.2 On expiry of the Initial Term this Order Form shall renew automatically for successive periods of "
      "twelve (12) months (each a “**Renewal Term**”) unless either party gives written notice of non-renewal "
      "not less than six (6) months before the end of the Initial Term or the then-current Renewal Term. The "
      "parties acknowledge that the total duration of this Order Form, including all Renewal Terms, shall not "
      "exceed sixty (60) months from the Service Commencement Date, being the maximum call-off period "
      "permitted under the Framework.")

    H("4. Services and Phasing")
    P("4.1 The Supplier shall provide the HomeFix Connect platform comprising the Tenant Portal and Mobile App "
      "(branded “Ashgrove Repairs”), the AI Assistant, the Scheduling Module (including the Operative App) and "
      "the Integration Hub, together with the Optional Module in paragraph 4.3 if activated, in the following "
      "phases.")
    d_table(doc, [
        ["Phase", "Scope", "Area / volume", "Target go-live"],
        ["Phase 1 (Pilot)", "Tenant Portal and Mobile App; AI Assistant (English); Scheduling Module for "
                            "in-house operatives; Tenancia integration; Microsoft Entra ID single sign-on "
                            "for staff", "Pilot Area – Wakefield (approx. 4,150 Homes)",
         "12 April 2027 (re-baselined from 1 March 2027 by CN-02)"],
        ["Phase 2", "Roll-out to Leeds; contractor scheduling (Calder Valley Building Services Ltd and "
                    "Airedale Property Maintenance Ltd); payments integration for rechargeable repairs; "
                    "Damp and Mould Prediction Module (if activated under paragraph 4.3)",
         "Leeds (approx. 8,900 Homes) plus contractor operatives in all areas", "1 July 2027"],
        ["Phase 3", "Roll-out to Bradford; AI Assistant additional languages (Urdu and Polish)",
         "Bradford (approx. 4,950 Homes)", "4 October 2027"],
        ["Final Acceptance", "Completion of acceptance testing for all Phases", "All areas",
         "30 November 2027"],
    ], widths_cm=[2.6, 6.8, 4.0, 3.1])
    P("4.2 Each target go-live date is conditional on the timely performance of the Customer Dependencies. "
      "Where a delay is caused by a Customer Dependency, the Supplier shall not be liable for it and the "
      "affected dates shall be extended by a period reasonably reflecting the impact. Acceptance testing for "
      "each Phase shall be completed within twenty (20) Business Days of the Supplier notifying readiness.")
    P("4.3 The Damp and Mould Prediction Module is an Optional Module, activated only by the Customer’s written "
      "Module Activation Notice (the date specified being the “**Module Activation Date**”). Before serving a "
      "notice the Customer is responsible for any data protection impact assessment it considers necessary "
      "and for its arrangements with its sensor provider (currently Aeroscan Sensors Ltd). The Supplier does "
      "not supply, install or maintain sensors. The target for activation is Phase 2, but the Customer is under "
      "no obligation to activate.")

    H("5. Fees")
    P("5.1 The Customer shall pay the following Fees. All Fees are stated in pounds sterling (GBP) and are "
      "exclusive of Value Added Tax, which shall be payable in addition at the prevailing rate.")
    d_table(doc, [
        ["Item", "Basis", "Fee (GBP, excl. VAT)", "Invoicing"],
        ["Implementation Services", "Fixed price, one-off", "£148,500",
         "40% on Effective Date; 40% on Pilot go-live; 20% on Final Acceptance"],
        ["Tenancia Integration Connector – build", "Fixed price, one-off", "£12,000", "On Pilot go-live"],
        ["Core Platform Subscription (Portal, App, AI Assistant, Scheduling, Integration Hub)",
         "£2.95 per Home per annum; minimum 17,500 Homes; 18,000 Homes licensed", "£53,100 per annum",
         "Annually in advance"],
        ["Named Staff Users", "220 included; additional users £180 per user per annum", "Included",
         "Additional users quarterly in arrears"],
        ["Operative App licences", "£96 per Operative per annum; 310 Operatives", "£29,760 per annum",
         "Annually in advance"],
        ["AI Assistant Conversations", "60,000 per Contract Year included; £0.14 per Conversation above "
                                       "allowance", "Included / overage", "Overage quarterly in arrears"],
        ["Damp and Mould Prediction Module (Optional)", "Up to 2,500 Monitored Homes; £6.20 per additional "
                                                         "Monitored Home per annum",
         "£19,500 per annum", "From Module Activation Date, pro rata, then annually"],
        ["Integration Connector support", "Per annum", "£4,800 per annum", "Annually in advance"],
        ["Additional Professional Services", "Day rate (7.5 hours)", "£950 per day",
         "Monthly in arrears against approved work orders"],
    ], widths_cm=[4.4, 5.0, 3.2, 3.9])
    P("5.2 The licensed Home count of 18,000 is based on 17,986 active rental properties recorded on 1 October "
      "2026, rounded up. The Home count shall be reconciled on each Count Date; where it exceeds the licensed "
      "count by more than two per cent (2%), additional Homes shall be charged pro rata at the per-Home rate. "
      "The Fees shall not be reduced below the minimum of 17,500 Homes.")
    P("5.3 In recognition of the phased roll-out, the Core Platform Subscription Fee for the first Contract "
      "Year only shall be £39,825, being seventy-five per cent (75%) of the annual fee stated above. No "
      "discount applies to Operative App licences or to Integration Connector support.")
    P("5.4 From the first anniversary of the Service Commencement Date, the Supplier may increase the recurring "
      "Fees annually by not more than the change in the Consumer Prices Index for the twelve (12) months to "
      "the preceding December, subject to a cap of four per cent (4%) in any Contract Year and to sixty (60) "
      "days’ written notice. The Professional Services day rate is fixed for the Initial Term.")

    H("6. Invoicing and Payment")
    P("6.1 Recurring Fees are invoiced annually in advance, the first invoice being issued on the Service "
      "Commencement Date. The Customer shall pay each valid and undisputed invoice within thirty (30) days of "
      "receipt, and shall notify any good-faith dispute within fifteen (15) days. Interest on overdue "
      "undisputed amounts accrues at four per cent (4%) per annum above the Bank of England base rate. The "
      "Supplier shall not suspend the Services unless an undisputed amount remains unpaid sixty (60) days after "
      "a written reminder.")

    H("7. Service Levels and Service Credits")
    P("7.1 The Supplier shall meet the following monthly availability targets, measured by the Supplier’s "
      "external monitoring as the percentage of minutes in each calendar month during which the relevant "
      "service is available, excluding Permitted Downtime.")
    d_table(doc, [
        ["Service", "Availability target", "Service Credit (% of monthly Fees for the affected service)"],
        ["Core Services (Tenant Portal, Mobile App back end, Scheduling Module, Integration Hub)", "99.8%",
         "Below 99.8% but at least 99.5%: 5%; below 99.5% but at least 99.0%: 10%; below 99.0%: 20%"],
        ["AI Assistant", "99.5%", "Below 99.5% but at least 98.5%: 5%; below 98.5%: 10%"],
        ["Damp and Mould Prediction Module", "99.0%", "Below 99.0%: 5%"],
    ], widths_cm=[6.3, 3.0, 7.2])
    P("7.2 “**Permitted Downtime**” means (a) planned maintenance between 01:00 and 05:00 UK time on Sundays, "
      "not exceeding eight (8) hours per calendar month and notified five (5) Business Days in advance; (b) "
      "emergency maintenance of up to two (2) hours per month; and (c) unavailability caused by the Customer or "
      "by services not provided by the Supplier or its Sub-processors, including Tenancia Housing, Microsoft "
      "Entra ID and the Customer’s payment and sensor providers.")
    P("7.3 Service Credits are the Customer’s sole financial remedy for failure to meet the availability "
      "targets, without prejudice to termination for Persistent Service Failure under paragraph 16.3. Service "
      "Credits in any month shall not exceed twenty-five per cent (25%) of the monthly equivalent of the "
      "recurring Fees, and must be claimed within sixty (60) days of the month end.")

    H("8. Support")
    P("8.1 The Supplier shall provide support in accordance with the following priority levels. Business "
      "Hours are 08:00 to 18:00 Monday to Friday, excluding bank holidays in England. Priority 1 incidents are "
      "supported 24 hours a day, 7 days a week.")
    d_table(doc, [
        ["Priority", "Description (summary)", "Response", "Resolution or workaround"],
        ["P1", "Service unavailable or emergency repair reporting impaired for all or most users", "30 minutes",
         "4 hours"],
        ["P2", "Major function degraded; no reasonable workaround", "2 Business Hours", "1 Business Day"],
        ["P3", "Minor function impaired; workaround available", "1 Business Day", "5 Business Days"],
        ["P4", "Cosmetic issue, question or enhancement request", "3 Business Days", "Next scheduled release"],
    ], widths_cm=[1.6, 7.6, 3.2, 4.1])
    P("8.2 During the six (6) weeks following the go-live of each Phase (“**Hypercare**”), the P1 response "
      "target shall be fifteen (15) minutes. Out-of-hours first-line support is provided by the Sub-processor "
      "identified in paragraph 10. Service reviews shall be held monthly in the first Contract Year and "
      "quarterly thereafter.")

    d_para(doc, "PART B – SPECIAL CONDITIONS", bold=True, size=12, space_after=6)

    H("9. Data Protection and Data Location")
    P("9.1 The Customer is the controller and the Supplier is the processor of Customer Personal Data. The "
      "Supplier is an independent controller only of the business contact details of the Customer’s personnel "
      "used for account management and billing. The processing particulars are set out in Annex 1 to the DPA.")
    P("9.2 The Services are not designed to process special category data other than the vulnerability "
      "indicators described in Annex 1 to the DPA. No biometric data is processed by the Supplier: where an end "
      "user enables device biometric unlock in the Mobile App, authentication is performed by the device "
      "operating system and no biometric data is transmitted to the Supplier.")
    P("9.3 The Supplier shall store Customer Data in the United Kingdom (Amazon Web Services London region), "
      "save that: (a) encrypted backup copies are replicated to the AWS Ireland region; (b) following a "
      "declared disaster affecting the London region, the Services may be operated from the Ireland region for "
      "the duration of the disaster; (c) AI Assistant Conversation content is processed by Tessellate AI, Inc. "
      "in the United States until a UK-hosted inference endpoint is available, targeted for Q2 2027; and (d) "
      "out-of-hours support personnel may access support tickets and the minimum Customer Data necessary from "
      "India. Any other transfer outside the United Kingdom requires the Customer’s prior written consent.")
    P("9.4 The Supplier shall notify the Customer without undue delay and in any event within thirty-six (36) "
      "hours of becoming aware of a Personal Data Breach affecting Customer Personal Data, and shall provide "
      "the information the Customer reasonably requires to notify the Information Commissioner.")
    P("9.5 During the Term the Supplier shall retain Customer Data as follows, unless the Customer configures "
      "a different period within the administration console or instructs otherwise in writing: (a) AI "
      "Assistant Conversation transcripts for twenty-four (24) months from the end of the Conversation, "
      "configurable by the Customer to any period between thirty (30) days and thirty-six (36) months; (b) "
      "repair job records and associated photographs for six (6) years from job completion; (c) Sensor "
      "Telemetry at source granularity for thirteen (13) months, after which it is aggregated to daily values "
      "retained for the Term; and (d) audit logs for thirteen (13) months. Retention beyond the Term is "
      "governed by paragraph 17.")
    P("9.6 The Customer may audit compliance with this paragraph 9 once in any twelve (12) months on thirty "
      "(30) days’ notice (or at any time following a Personal Data Breach), having first considered the "
      "Supplier’s ISO/IEC 27001 certificate and most recent penetration test summary.")

    H("10. Sub-processors")
    P("10.1 The Customer authorises the Sub-processors listed below. The Supplier shall give thirty (30) days’ "
      "written notice of any addition or replacement; if the Customer objects on reasonable data protection "
      "grounds and no resolution is agreed within a further thirty (30) days, the Customer may terminate the "
      "affected Service without early termination charge.")
    d_table(doc, [
        ["Sub-processor", "Service", "Location of processing", "Transfer safeguard"],
        ["Amazon Web Services EMEA SARL", "Hosting, compute, storage and backups",
         "United Kingdom (London); Ireland (encrypted backups and disaster recovery)",
         "Not required for UK; UK adequacy regulations for Ireland"],
        ["Tessellate AI, Inc.", "Large language model inference for the AI Assistant",
         "United States (until UK endpoint available, target Q2 2027)",
         "UK Extension to the EU-US Data Privacy Framework; IDTA as fallback"],
        ["Kestrel Support Services Private Limited", "Out-of-hours first-line service desk (18:00–08:00 "
                                                      "weekdays, all day weekends and bank holidays)",
         "India (Pune)", "International Data Transfer Agreement (IDTA)"],
        ["Textwell Communications Ltd", "SMS appointment confirmations and reminders", "United Kingdom",
         "Not required"],
        ["Sendmark Europe GmbH", "Transactional email delivery", "Germany (Frankfurt)",
         "UK adequacy regulations"],
    ], widths_cm=[4.2, 4.6, 4.1, 3.6])
    P("10.2 Brightwater Software Ltd, Tollgate Payments Ltd and Aeroscan Sensors Ltd are engaged directly by the "
      "Customer and are not Sub-processors of the Supplier. Card payments for rechargeable repairs are taken "
      "on a page hosted by Tollgate Payments Ltd and no cardholder data is processed by the Supplier.")

    H("11. Security")
    P("11.1 The Supplier shall maintain ISO/IEC 27001 and Cyber Essentials Plus certification throughout the "
      "Term and notify the Customer within ten (10) Business Days of any lapse. The Supplier shall use "
      "reasonable endeavours to obtain a SOC 2 Type II report covering the Services by 30 June 2027.")
    P("11.2 The Supplier shall commission an independent penetration test from a CREST-accredited provider at "
      "least every twelve (12) months and after any major release, and shall provide an executive summary of "
      "findings and remediation status. The Customer may carry out its own testing once in each Contract Year "
      "on fifteen (15) Business Days’ notice against a non-production environment.")

    H("12. AI Terms")
    P("12.1 The AI Assistant uses the Third-Party Model, licensed by the Supplier from Tessellate AI, Inc., "
      "together with the Supplier Models. The Supplier warrants that it has, and will maintain for the Term, "
      "the rights necessary to provide the Third-Party Model as part of the Services.")
    P("12.2 The Customer acknowledges that AI Assistant outputs are generated probabilistically and may be "
      "inaccurate. The AI Assistant shall operate in accordance with the Triage Rulebook approved by the "
      "Customer, including deterministic rules that identify potential emergencies (such as a gas smell, "
      "electrical danger, flooding, or loss of heating for a household with a relevant vulnerability "
      "indicator) and direct the end user to human assistance before any model-generated response is given.")
    P("12.3 The Supplier shall not use, and shall procure that Tessellate AI, Inc. does not use, Customer Data "
      "to train, fine-tune or otherwise improve the Third-Party Model or any other model made available to "
      "third parties by Tessellate AI, Inc.")
    P("12.4 The Supplier may use De-identified Service Data to maintain and improve the Supplier Models unless "
      "and until the Customer opts out by written notice, which shall take effect within thirty (30) days of "
      "receipt. The Supplier shall not attempt to re-identify any individual from De-identified Service Data.")
    P("12.5 The Supplier shall procure that prompts and outputs processed by Tessellate AI, Inc. are not "
      "retained for longer than thirty (30) days and are used during that period solely for abuse and misuse "
      "monitoring. The Supplier shall inform the Customer if a zero-retention arrangement is confirmed by "
      "Tessellate AI, Inc.")
    P("12.6 The Supplier may upgrade or replace the Third-Party Model or a Supplier Model. For a material "
      "change (including any change of model provider or location of processing) the Supplier shall give sixty "
      "(60) days’ prior written notice, provide a summary of evaluation results on request and not implement "
      "the change during Hypercare. A change of model provider is a new Sub-processor for paragraph 10.")
    P("12.7 Neither the AI Assistant nor the Damp and Mould Prediction Module makes decisions producing legal "
      "or similarly significant effects. Priorities assigned by the AI Assistant are provisional and may be "
      "changed by the Customer’s staff; the AI Assistant does not determine whether a repair is rechargeable; "
      "and risk scores are made available to the Customer’s staff for review and are not communicated "
      "automatically to end users. The AI Assistant shall identify itself as automated at the start of each "
      "Conversation.")

    H("13. Intellectual Property and Licence")
    P("13.1 All Intellectual Property Rights in the Services, Software, Documentation, Supplier Models and "
      "Integration Connector remain with the Supplier or its licensors, and all rights in the Third-Party Model "
      "remain with Tessellate AI, Inc.")
    P("13.2 The Supplier grants the Customer a non-exclusive, non-transferable licence for the Term to permit "
      "its Authorised Users, including contractor operatives and tenants and residents as end users, to use "
      "the Services for the Customer Group’s housing management and repairs activities.")
    P("13.3 The Customer owns all Customer Data. Outputs generated from Customer Data, including Conversation "
      "summaries and risk scores, form part of the Customer Data. The Customer licenses the Supplier to use "
      "Customer Data solely to provide the Services and as permitted by paragraph 12.4.")
    P("13.4 The Supplier shall indemnify the Customer against third-party infringement claims arising from use "
      "of the Services in accordance with this Order Form, subject to paragraph 14.4. The parties have agreed "
      "that software escrow is not required; reliance is placed on paragraph 17.")

    H("14. Liability")
    P("14.1 Nothing in this Order Form limits or excludes liability for death or personal injury caused by "
      "negligence, for fraud or fraudulent misrepresentation, or for any other liability which cannot lawfully "
      "be limited or excluded.")
    P("14.2 Subject to paragraphs 14.1, 14.3 and 14.4, each party’s aggregate liability in each Contract Year "
      "shall not exceed the greater of £250,000 and one hundred and twenty-five per cent (125%) of the Fees "
      "paid and payable in the twelve (12) months preceding the event giving rise to the claim.")
    P("14.3 The Supplier’s total aggregate liability for breach of paragraph 9, the DPA or data protection "
      "legislation, including the costs of investigating and remedying a Personal Data Breach and of notifying "
      "data subjects and regulators, shall not exceed two million pounds (£2,000,000) over the Term.")
    P("14.4 The Supplier’s total aggregate liability under the indemnity in paragraph 13.4 shall not exceed one "
      "million pounds (£1,000,000) over the Term. The Customer’s obligation to pay the Fees properly due is not "
      "subject to any limit.")
    P("14.5 Neither party is liable for indirect or consequential loss or loss of profits, save that the costs "
      "of restoring Customer Data and of notifying and supporting affected data subjects are recoverable as "
      "direct loss subject to paragraph 14.3.")

    H("15. Insurance")
    P("15.1 The Supplier shall maintain professional indemnity insurance of not less than £5,000,000 per claim, "
      "cyber liability insurance of not less than £5,000,000 in the aggregate and public and employer’s "
      "liability insurance of not less than £10,000,000 each.")

    H("16. Termination")
    P("16.1 The Customer may terminate for convenience on six (6) months’ written notice expiring no earlier "
      "than eighteen (18) months after the Service Commencement Date, subject to an early termination charge "
      "of fifty per cent (50%) of the recurring Fees for the remainder of the Initial Term.")
    P("16.2 Either party may terminate for material breach not remedied within thirty (30) days of notice, or "
      "on the other party’s insolvency.")
    P("16.3 The Customer may terminate without early termination charge if availability of the Core Services "
      "falls below 99.0% in any three (3) consecutive months or in any four (4) months in a rolling twelve (12) "
      "months (“**Persistent Service Failure**”).")
    P("16.4 The Customer may terminate the Damp and Mould Prediction Module alone on three (3) months’ notice "
      "after the first anniversary of its Module Activation Date.")

    H("17. Exit, Data Return and Deletion")
    P("17.1 The Supplier shall deliver a draft Exit Plan within three (3) months after the Service "
      "Commencement Date and review it annually.")
    P("17.2 On expiry or termination for any reason, an exit period of ninety (90) days shall apply (the "
      "“**Exit Period**”), during which the Services continue, with Fees payable pro rata. Within ten (10) "
      "Business Days of the Customer’s request during the Exit Period, the Supplier shall provide an export of "
      "Customer Data in CSV and JSON formats, with photographs in their original formats. Two (2) complete "
      "exports are included; further exit assistance is charged at the day rate in paragraph 5.")
    P("17.3 Within thirty (30) days after the end of the Exit Period the Supplier shall delete all Customer Data "
      "from its production systems. Backup copies shall be deleted through expiry of the backup cycle, no "
      "later than thirty-five (35) days after deletion from production, and the Supplier shall provide a "
      "certificate of deletion within ten (10) Business Days after that. The Supplier shall procure equivalent "
      "deletion by each Sub-processor.")
    P("17.4 Paragraph 17.3 does not require deletion of Customer Data the Supplier is required by law to "
      "retain, nor of De-identified Service Data already incorporated into the Supplier Models before "
      "termination.")

    H("18. Change Control")
    P("18.1 Changes to this Order Form shall be made only by a Change Note signed by authorised signatories of "
      "both parties. The following Change Notes have been agreed and are reflected in this version.")
    d_table(doc, [
        ["Change Note", "Date", "Summary"],
        ["CN-01", "22 September 2026", "Contractor scheduling moved from Phase 1 to Phase 2. No change to Fees."],
        ["CN-02", "4 November 2026", "Pilot go-live re-baselined from 1 March 2027 to 12 April 2027 owing to "
                                     "the Tenancia API v3 dependency; Damp and Mould Prediction Module target "
                                     "moved from Phase 1 to Phase 2; Hypercare extended from four (4) to six "
                                     "(6) weeks. Optional Module Fee to run from Module Activation Date."],
    ], widths_cm=[2.6, 3.4, 10.5])

    H("19. Governance")
    P("19.1 The Supplier’s Account Director and Delivery Lead shall attend the Customer’s programme steering "
      "board monthly until Final Acceptance; contract management meetings shall be held quarterly.")

    H("20. Governing Law")
    P("20.1 This Order Form is governed by the law of England and Wales and the parties submit to the "
      "exclusive jurisdiction of its courts.")

    H("21. Execution")
    P("This Order Form has been entered into on the date on which it has been signed by both parties.")
    d_table(doc, [
        ["", "For and on behalf of Meridale Systems Ltd", "For and on behalf of Ashgrove Homes Group Limited"],
        ["Signature", "", ""],
        ["Name", "Simon Drury", "Joanne Whitaker"],
        ["Title", "Managing Director", "Chief Executive"],
        ["Date", "", ""],
    ], widths_cm=[2.5, 7.0, 7.0])

    set_core(doc, title="Order Form and Contract Schedule – HomeFix Connect (MSL-OF-2026-0187 v3.0)",
             author="Fiona Latchford", subject="HomeFix Connect subscription – Ashgrove Homes Group",
             created=_dt.datetime(2026, 9, 1, 9, 12, 0), modified=_dt.datetime(2026, 11, 27, 16, 40, 0),
             revision=14, keywords="order form; contract schedule; HomeFix Connect",
             category="Contract", last_by="Fiona Latchford")
    save_docx(doc, os.path.join(OUT, "contract-schedule.docx"), (2026, 11, 27, 16, 40, 0))


# ---------------------------------------------------------------------------
# 2. DPIA draft (DPO voice; Word heading styles)
# ---------------------------------------------------------------------------

def build_dpia():
    doc = base_doc(font="Calibri", size=10.5)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "Ashgrove Homes Group – OFFICIAL-SENSITIVE – DRAFT DPIA AHG-DPIA-2026-014 v0.5"
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.text = "Draft for programme review only. Not approved. Do not rely on this document for decisions."
    fp.runs[0].font.size = Pt(8)

    H1 = lambda t: doc.add_heading(t, level=1)  # noqa: E731
    H2 = lambda t: doc.add_heading(t, level=2)  # noqa: E731
    P = lambda t, **k: d_para(doc, t, **k)  # noqa: E731

    doc.add_heading("Data Protection Impact Assessment: HomeFix Connect", level=0)
    P("Tenant repairs, AI triage, scheduling and damp and mould prediction", italic=True, size=12)

    H1("Document control")
    d_table(doc, [
        ["Field", "Detail"],
        ["Reference", "AHG-DPIA-2026-014"],
        ["Version and status", "0.5 – DRAFT. Not approved. Sections 13 and 14 incomplete."],
        ["Date", "30 October 2026"],
        ["Author", "Priya Raman, Head of Information Governance and Data Protection Officer"],
        ["Information Asset Owner", "Gary Illingworth, Head of Repairs and Maintenance"],
        ["Programme", "HomeFix Connect (Programme Manager: Tomasz Nowak; SRO: Deborah Hallam)"],
        ["Reviewers", "Liam Firth, Information Security Manager (comments on v0.4 incorporated); Hebden Clough "
                      "LLP (external legal review of sections 5 and 6 requested, not yet received)"],
        ["Next review", "Before pilot go-live, and before each subsequent phase"],
    ], widths_cm=[4.5, 12.0])
    d_table(doc, [
        ["Version", "Date", "Change"],
        ["0.1", "4 August 2026", "Screening questions completed; DPIA required"],
        ["0.2", "2 September 2026", "Processing description drafted from tender documents"],
        ["0.3", "23 September 2026", "Updated following selection of Meridale Systems Ltd"],
        ["0.4", "9 October 2026", "Risk register added; Information Security comments"],
        ["0.5", "30 October 2026", "Incorporates Meridale security questionnaire response v1.1 (21 October "
                                   "2026) and draft Order Form v2.1 (12 October 2026); tenant panel feedback"],
    ], widths_cm=[2.0, 4.0, 10.5])

    H1("1. Purpose and status of this assessment")
    P("This DPIA assesses the processing of personal data in HomeFix Connect, the software-as-a-service repairs "
      "platform supplied by Meridale Systems Ltd, which Ashgrove intends to use for repair reporting, AI-assisted "
      "triage and booking, scheduling of operatives and, optionally, prediction of damp and mould risk.")
    P("A DPIA is mandatory here. The screening in v0.1 found several of the criteria on the ICO’s list of "
      "processing likely to result in high risk: innovative technology (a large language model and machine-"
      "learning prediction), systematic monitoring (sensors inside people’s homes), matching of datasets, and "
      "large-scale processing of data about people who may be vulnerable.")
    P("This version covers Phase 1, the Wakefield pilot, which is planned to go live on 1 March 2027 for "
      "approximately 4,150 homes. At the time of writing the pilot is expected to include the damp and mould "
      "prediction module for the roughly 610 Wakefield homes that already have Aeroscan sensors. Phases 2 and "
      "3 (Leeds and Bradford) will need a review of this assessment before go-live. I have been told "
      "informally that the pilot date may move because of the Tenancia interface work; if it does, the "
      "actions in section 15 that are tied to go-live move with it.")
    P("My current view, explained in section 16, is that the residual risk can be brought below high, so "
      "prior consultation with the Information Commissioner under Article 36 UK GDPR should not be needed. "
      "That view depends on the actions in section 15 being completed before the pilot goes live. If the "
      "transfer risk assessments are not completed, or if the 13-month retention of raw sensor data proposed "
      "by Meridale is adopted without a stronger justification than we have so far, I would need to "
      "reconsider.")

    H1("2. Description of the processing")
    H2("2.1 Nature of the processing")
    P("Tenants will be able to report repairs through a web portal and a mobile app branded “Ashgrove "
      "Repairs”, attaching photographs. Video upload is not supported in the current release. A chat "
      "assistant (working name “Ash”) will ask questions about the problem, propose a priority and a trade, "
      "and offer appointment slots taken from the scheduling module. The assistant is text-only: there is no "
      "voice channel in HomeFix Connect, and telephone contact remains with the Customer Contact Centre’s "
      "existing telephony, which is outside the scope of this assessment.")
    P("Planners and contact centre staff review and amend jobs in the staff console. Operatives receive jobs on "
      "the Operative App and record notes, photographs and status changes. Meridale states that operative "
      "location is captured only while a job is “en route” or “on site”, not continuously during the shift; "
      "we intend to verify this in the pilot.")
    P("The optional damp and mould module receives temperature and relative humidity readings every 15 "
      "minutes from sensors supplied and managed by Aeroscan Sensors Ltd, combines them with repair history "
      "and property attributes, and produces a risk band (low, medium, high) with the main contributing "
      "factors. High-risk homes are placed on a work queue for the Damp and Mould Team to review.")
    H2("2.2 Scope")
    P("Ashgrove raises around 61,000 responsive repairs a year, of which about 78% are currently reported by "
      "phone. If digital take-up follows the experience Meridale describes at other landlords, we expect "
      "between 40,000 and 55,000 assistant conversations a year once all three areas are live. About two "
      "years of repair history (roughly 120,000 job records) will be migrated from Tenancia so that the "
      "assistant and planners can see recent jobs, and so that the damp and mould model has history to work "
      "with. Around 1,400 homes currently have sensors (610 in Wakefield, 520 in Leeds and 270 in Bradford), "
      "installed since 2024 under the damp and mould programme; the asset strategy assumes 2,500 by the end of "
      "2027.")
    H2("2.3 Context")
    P("Our tenants include many people who may be vulnerable: about 23% of households have at least one "
      "vulnerability indicator recorded in Tenancia. Tenants have a reasonable expectation that we will use "
      "their information to carry out repairs, which we are legally obliged to do, but they will not "
      "necessarily expect a chat assistant, processing by a US AI provider, or a computer model assessing the "
      "condition of their home. The 2024 sensor leaflet told tenants that readings would be “used by "
      "Ashgrove’s damp and mould team to spot problems early”; it did not mention third-party prediction "
      "software. Damp and mould is a sensitive subject for tenants, and the Tenant Scrutiny Panel was clear "
      "that tenants worry about being blamed for condensation.")
    H2("2.4 Purposes")
    P("The purposes are: receiving, triaging and scheduling repairs; communicating with tenants about "
      "appointments; managing operatives’ work; recovering the cost of rechargeable repairs; identifying homes "
      "at risk of damp and mould so that we can inspect and act sooner; and reporting on repairs performance, "
      "including the Tenant Satisfaction Measures.")

    H1("3. Data subjects")
    d_table(doc, [
        ["Category", "Approx. number", "Notes"],
        ["Tenants (lead and joint tenants)", "c. 21,500", "Across c. 18,000 tenancies, of which c. 3,500 are "
                                                           "joint tenancies"],
        ["Other adult household members", "c. 9,000", "Recorded on the tenancy; may report repairs if the "
                                                       "tenant has authorised them"],
        ["Children in tenant households", "c. 7,800", "Not users of the service. Ages held in Tenancia will not "
                                                       "be transferred. May appear incidentally in photographs"],
        ["Ashgrove office staff using the console", "c. 220", "Contact centre, Repairs Planners, surveyors, "
                                                              "Damp and Mould Team, managers"],
        ["In-house repairs operatives", "c. 240", "Operative App users; location data"],
        ["Contractor operatives", "c. 70", "Calder Valley Building Services Ltd and Airedale Property "
                                           "Maintenance Ltd; from Phase 2"],
        ["Representatives and third parties", "Not known; small", "Advocates, family members acting for a "
                                                                   "tenant, neighbours reporting communal "
                                                                   "issues"],
        ["Former tenants", "Included in migrated history", "Only where a migrated job relates to them"],
    ], widths_cm=[5.0, 3.2, 8.3])
    P("Leaseholders and shared owners are not in scope for Phase 1. Whether communal repairs reported by "
      "leaseholders will be handled through HomeFix Connect later has not been decided.")

    H1("4. Personal data processed")
    d_table(doc, [
        ["Category", "Examples", "Source", "Used by"],
        ["Identity and contact", "Name, address, telephone, email, tenancy reference, preferred language, "
                                 "communication preferences", "Tenancia", "All modules"],
        ["Account and authentication", "Username, hashed password, MFA settings, device identifiers; Entra ID "
                                       "object ID for staff", "Tenant; Entra ID", "Portal, app, console"],
        ["Repair request content", "Description, location in the home, free text, photographs",
         "Tenant, staff, operatives", "Portal, assistant, scheduling"],
        ["Chat transcripts", "Full text of conversations with the assistant, including anything the tenant "
                             "chooses to type", "Tenant", "AI Assistant"],
        ["Appointment and access", "Availability, access notes (e.g. pets, parking, buzzer)", "Tenant, staff",
         "Scheduling"],
        ["Vulnerability indicators", "Nine coded indicators, e.g. mobility, sight or hearing, respiratory "
                                     "condition (damp priority), ‘call before visit’", "Tenancia",
         "Scheduling, assistant rules"],
        ["Staff safety marker", "Binary ‘attend in pairs’ flag only – no reason or history", "Tenancia",
         "Scheduling"],
        ["Repair history", "Past jobs, trades, outcomes (approx. two years migrated)", "Tenancia", "All modules"],
        ["Sensor telemetry", "Temperature, relative humidity, sensor ID, battery status, 15-minute intervals",
         "Aeroscan", "Damp and mould module"],
        ["Risk outputs", "Risk band, contributing factors, review outcome", "Derived", "Damp and mould module"],
        ["Operative data", "Name, employee or contractor ID, skills, shift pattern, job-time location",
         "HR system, app", "Scheduling"],
        ["Payment data", "Amount, job reference, payment status, Tollgate transaction reference (no card "
                         "numbers)", "Tollgate", "Rechargeable repairs"],
        ["Technical and audit data", "IP address, device type, timestamps, audit trail", "System", "All"],
    ], widths_cm=[3.6, 6.6, 2.8, 3.5], size=8.5)
    P("Access notes must not contain key safe codes or alarm codes. The current Tenancia practice of "
      "recording key safe codes in free-text notes for some sheltered schemes will be stopped before "
      "migration, and the migration script will exclude the notes field for those schemes. This has been "
      "agreed with the Head of Repairs.")

    H1("5. Special category and criminal offence data")
    P("**Included.** The nine vulnerability indicators are health data or reveal health information in most "
      "cases. They are needed to prioritise jobs (for example, loss of heating for a household with a "
      "respiratory condition), to allow longer appointment windows, and to make sure operatives know to call "
      "ahead. Only the code is transferred; the supporting notes in Tenancia are not. Free text in repair "
      "descriptions and chat transcripts, and photographs, may incidentally reveal health information (for "
      "example medical equipment, or a tenant explaining why they cannot climb stairs). We cannot prevent this "
      "entirely; the controls are in R1.")
    P("**Excluded.** Ethnicity, religion, sexual orientation and other equality monitoring data held in "
      "Tenancia will not be transferred; the field mapping (action A12) must demonstrate this. No biometric "
      "data is processed: Meridale confirms that where tenants use fingerprint or face unlock on their phone, "
      "this is handled by the phone’s operating system and nothing is sent to Meridale. No genetic data is "
      "processed. Criminal offence data is not processed: the staff safety marker is reduced to a flag with no "
      "reason, and anti-social behaviour case records stay in Tenancia.")
    P("I recognise that even a bare ‘attend in pairs’ flag may lead an operative to draw conclusions about a "
      "household. It is nonetheless necessary for staff safety and is already shown on job sheets today.")
    P("**Condition for processing.** My working position is Article 9(2)(g) UK GDPR together with the "
      "substantial public interest condition in paragraph 18 of Schedule 1 to the Data Protection Act 2018 "
      "(safeguarding of children and of individuals at risk), for the use of indicators to protect people "
      "from harm when a repair is delayed. For the more routine use of indicators to adjust appointment "
      "arrangements, paragraph 18 is a less comfortable fit, and I have asked Hebden Clough LLP whether "
      "paragraph 6 (statutory purposes) is better, given our repairing obligations. Our Appropriate Policy "
      "Document (last reviewed May 2026) will need updating either way.")

    H1("6. Lawful basis")
    d_table(doc, [
        ["Purpose", "Article 6 basis", "Comment"],
        ["Receiving, triaging and scheduling repairs", "6(1)(b) contract; 6(1)(c) legal obligation",
         "Tenancy agreement; Landlord and Tenant Act 1985 s.11; Homes (Fitness for Human Habitation) Act 2018; "
         "hazard timescales for damp and mould"],
        ["Use of the AI assistant", "As above", "Tenants are not required to use it; phone and in-person "
                                                "reporting remain"],
        ["Appointment SMS and email", "6(1)(b)", "Service messages only; no marketing"],
        ["Operative location", "6(1)(f) legitimate interests", "Routing and lone-worker safety. LIA drafted; "
                                                               "Unison consultation pending (A7)"],
        ["Sensor monitoring and risk prediction", "6(1)(f); 6(1)(c) when acting on an identified hazard",
         "Consent not relied on – see below. LIA v0.2 drafted"],
        ["Rechargeable repairs payments", "6(1)(b)", "Card details go directly to Tollgate"],
        ["Reporting and service improvement", "6(1)(f)", "Aggregated where possible"],
    ], widths_cm=[4.5, 4.0, 8.0])
    P("I do not propose to rely on consent for the sensors. Tenants may feel unable to say no to their "
      "landlord, so consent would be unlikely to be freely given, and it would be unworkable if a household "
      "changed. Instead we will rely on legitimate interests, with a clear and easy right to object: any "
      "tenant who objects will have their home excluded from prediction and, if they wish, the sensor removed. "
      "We do not rely on the public task basis; Ashgrove’s position remains that it is not a public authority "
      "for these purposes.")

    H1("7. Systems, data flows and integrations")
    P("Tenancia Housing (Brightwater Software Ltd) remains the system of record for tenancies, properties and "
      "completed repairs. HomeFix Connect will receive a nightly reference data load and near-real-time "
      "events through version 3 of the Tenancia API, and will send job creation, status and completion back to "
      "Tenancia. Brightwater has not yet released API v3; we are told it will reach our test environment in "
      "January 2027. Staff and contractor sign-in is through Microsoft Entra ID, with contractors as B2B guest "
      "accounts, so our conditional access policies (including MFA) apply. Tenants create their own accounts "
      "with email and password, with optional MFA.")
    P("Rechargeable repair payments are taken on Tollgate Payments’ hosted page; HomeFix Connect only receives "
      "the payment status and a transaction reference. Appointment SMS messages are sent by Textwell "
      "Communications Ltd and email by Sendmark Europe GmbH, both as Meridale sub-processors. Sensor data "
      "will be pulled by Meridale from Aeroscan’s cloud platform every 15 minutes. Aeroscan has been our "
      "processor since the data processing agreement of 18 March 2024, which does not currently authorise "
      "disclosure to another processor; the instruction must be varied (A10).")

    H1("8. Processors, sub-processors and international transfers")
    P("Meridale will act as our processor under its Data Processing Addendum v3.1, which I have reviewed. It "
      "is broadly acceptable, but draft Order Form v2.1 commits Meridale to notify us of a personal data "
      "breach within 48 hours, which leaves us too little of our own 72-hour window. Meridale’s own "
      "questionnaire response says 24 hours. The contract should say 24 hours (A2).")
    P("All HomeFix Connect data is hosted by Amazon Web Services in the London region. Based on the "
      "information provided, the transfers outside the UK are those set out below.")
    d_table(doc, [
        ["Recipient", "Country", "Data", "Safeguard", "Status"],
        ["Tessellate AI, Inc. (AI model provider)", "USA", "Chat content sent for processing; Meridale says "
                                                           "names, phone numbers, emails and postcodes are "
                                                           "redacted first", "UK Extension to the Data "
                                                                             "Privacy Framework (to be "
                                                                             "verified); IDTA fallback",
         "TRA not started"],
        ["Kestrel Support Services Pvt Ltd (out-of-hours support)", "India", "Support tickets; restricted "
                                                                            "read access to jobs and contact "
                                                                            "details", "IDTA between Meridale "
                                                                                       "and Kestrel (copy not "
                                                                                       "yet seen)",
         "TRA not started"],
        ["Sendmark Europe GmbH (email)", "Germany", "Email address, message content", "UK adequacy "
                                                                                      "regulations", "Accepted"],
    ], widths_cm=[3.6, 1.7, 4.4, 4.0, 2.8], size=8.5)
    P("Meridale states that a UK-hosted Tessellate endpoint will be available “in the first half of 2027”. "
      "Until then every pilot conversation will be processed in the United States. Tessellate retains prompts "
      "for up to 30 days for abuse monitoring; Meridale has asked for this to be waived but has no answer yet. "
      "I would prefer the pilot to start on the UK endpoint but I do not think it is proportionate to delay the "
      "pilot for that reason alone, provided the transfer risk assessment is done and the redaction is tested.")

    H1("9. Retention")
    P("Tenancia remains the master record, so HomeFix Connect should not hold information for longer than it "
      "is needed operationally. The position below is my proposal; it is not yet agreed with Meridale or "
      "with the business.")
    d_table(doc, [
        ["Record", "Proposed retention", "Meridale default", "Status"],
        ["Repair job records and photographs", "6 years after job completion", "6 years (configurable)",
         "Agreed in principle"],
        ["AI chat transcripts", "12 months after the conversation", "24 months (draft Order Form v2.1)",
         "Not agreed – 24 months is not justified"],
        ["Raw sensor readings (15-minute)", "90 days", "13 months", "Not agreed"],
        ["Daily sensor aggregates", "2 years, or tenancy end if sooner", "For the term", "To discuss"],
        ["Risk bands and review outcomes", "6 years where action taken; 12 months where no action",
         "Not specified", "Draft"],
        ["Operative location records", "90 days", "12 months", "Not agreed"],
        ["Audit logs", "13 months acceptable", "13 months", "Agreed"],
        ["Tenant portal accounts", "Closed 90 days after tenancy end unless a job is open", "Not specified",
         "Action for Meridale"],
        ["Payment status records", "6 years (finance records held in Tollgate and the finance system for 7)",
         "As job record", "Agreed in principle"],
    ], widths_cm=[4.2, 4.6, 3.5, 4.2], size=8.5)
    P("On sensor data, Meridale’s argument is that the model needs a full year of readings to learn seasonal "
      "patterns. I accept that the model needs seasonal history, but I have not yet seen why that cannot be "
      "met by daily aggregates rather than 15-minute readings, which are much more revealing of how a "
      "household lives. Chat transcripts linked to a complaint or disrepair claim may need to be kept for "
      "longer; the right answer is to copy them into the complaint or legal file, not to keep all transcripts "
      "for two years.")

    H1("10. Necessity, proportionality and individuals’ rights")
    P("The processing is necessary for us to meet our repairing obligations more efficiently; the assistant "
      "and app are additional channels, not replacements. Necessity is least obvious for the sensor module: "
      "earlier intervention is a strong interest for tenants themselves, but it must be balanced against the "
      "intrusion of continuous monitoring, and in my view the balance is acceptable only with the objection "
      "route, the retention limits and the safeguards in section 14.")
    P("Transparency: the tenant privacy notice will be updated to version 5, with an in-app summary, an Easy "
      "Read version and translations into Urdu and Polish; the sensor leaflet will be rewritten and sent to "
      "all sensor households before prediction is switched on. The assistant must say at the start of each "
      "conversation that it is automated and how to speak to a person.")
    P("Rights: Meridale can export a tenant’s transcripts, photos and job history for a subject access request "
      "within five working days. The right to object matters mainly for sensors and operative location.")
    P("Article 22: the assistant proposes a priority and offers slots, but it does not make decisions with "
      "legal or similarly significant effects. A Repairs Planner reviews any case where the assistant "
      "assigns a lower priority than the tenant asked for. Damp and mould risk bands go to a surveyor for "
      "review before any contact with the tenant. Risk scores will not be used in tenancy enforcement or to "
      "attribute damp to a household’s ‘lifestyle’, and this will be written into the Damp and Mould Policy.")

    H1("11. Consultation")
    P("The Tenant Scrutiny Panel discussed the proposals on 14 October 2026 (eleven members present). Members "
      "were broadly positive about reporting repairs by app, especially with photos, but raised three "
      "concerns: that sensors could be used to check whether people are at home or how often they shower; "
      "that an AI could wrongly decide a repair was not urgent; and that older tenants and those without "
      "smartphones would be left behind. A meeting with Unison about operative location data is scheduled "
      "for 19 November 2026. Information Security has reviewed Meridale’s questionnaire response. I have not "
      "consulted the ICO and do not currently expect to need to.")

    H1("12. Risks and mitigations")
    d_table(doc, [
        ["ID", "Risk to individuals", "Likelihood / severity", "Mitigations", "Residual"],
        ["R1", "Over-collection through free text and photos (health details, children, bedrooms)",
         "Likely / moderate", "In-app photo guidance; staff can redact or delete images; retention limits",
         "Medium"],
        ["R2", "Assistant mis-triages an emergency, e.g. gas smell or electrical danger, and harm results",
         "Possible / severe", "Deterministic emergency rules run before the model; triage rulebook approved "
                              "by Head of Repairs; 500 scripted scenarios tested before go-live; planner "
                              "review of downgrades", "Medium"],
        ["R3", "Chat content transferred to the US; retained by the model provider for up to 30 days",
         "Possible / significant", "DPF or IDTA; TRA; redaction before prompts; UK endpoint planned",
         "Medium"],
        ["R4", "Sensor data reveals occupancy and daily routines; perceived surveillance; used against "
               "tenants", "Possible / significant", "Temperature and humidity only; no enforcement use; right "
                                                   "to object; 90-day raw retention", "Medium (high if 13 "
                                                                                       "months adopted)"],
        ["R5", "Inaccurate predictions: homes at risk missed, or unnecessary visits", "Possible / moderate",
         "Model does not replace inspections; surveyor review; quarterly performance report from Meridale",
         "Medium"],
        ["R6", "Contractor or staff access to more than they need (e.g. vulnerability details)",
         "Possible / moderate", "Role-based access; contractors see only job-relevant indicators; Entra ID "
                                "MFA; monthly audit log review", "Low"],
        ["R7", "Offshore support staff access tenant data", "Possible / moderate", "Restricted role; access "
                                                                                   "logged; vetting evidence "
                                                                                   "requested", "Medium"],
        ["R8", "Excessive monitoring of operatives through location data", "Possible / moderate",
         "Job-time capture only; no use for performance management without policy; Unison consultation",
         "Medium"],
        ["R9", "Breach at Meridale or a sub-processor is notified late", "Unlikely / significant",
         "24-hour contractual notification; incident playbook", "Medium until contract fixed"],
        ["R10", "Ashgrove data used to train Meridale models pooled with other landlords",
         "Likely / minor", "Contract terms on de-identified data; consider opting out", "Medium"],
        ["R11", "Sync errors expose one household’s details or access notes to another",
         "Unlikely / moderate", "Integration testing; reconciliation reports", "Low"],
    ], widths_cm=[1.0, 4.6, 2.6, 6.2, 2.1], size=8)

    H1("13. AI assistant – specific considerations")
    P("The assistant uses a general-purpose large language model, Tessera-M 4.2, licensed by Meridale from "
      "Tessellate AI, Inc., to hold the conversation, and Meridale’s own classifier (HF-Triage) to propose the "
      "trade and priority. Meridale says that Tessellate does not use customer data to train its models, and "
      "that HF-Triage is improved using de-identified data. I have asked for the model card, evaluation "
      "results against emergency scenarios and details of how redaction is tested (A1); none has arrived.")
    P("[Section incomplete – to be finished when the Meridale material is received. It will cover accuracy and "
      "bias testing, including whether the assistant performs worse for tenants writing in non-standard "
      "English or in languages other than English, and the monitoring regime during the pilot.]", italic=True)

    H1("14. Damp and mould prediction – specific considerations")
    P("Meridale’s DampRisk model was trained on pooled, de-identified data from other landlord customers. "
      "Our readings would be added to that pool unless we opt out. Sensor households were told in 2024 that "
      "their readings would be used by our damp and mould team; prediction by a processor for the same "
      "purpose is, in my view, compatible, but it is a change that tenants must be told about before it "
      "starts, not after. Meridale’s position is that sensor readings are property data rather than personal "
      "data. I do not agree: readings are linked to an address and a tenancy, and patterns in humidity reveal "
      "when people shower, cook and are at home. We will treat them as personal data.")
    P("[Section incomplete – awaiting Meridale’s explanation of the model features, and the outcome of the "
      "retention discussion.]", italic=True)

    H1("15. Open actions")
    d_table(doc, [
        ["ID", "Action", "Owner", "Due", "Status"],
        ["A1", "Obtain model card, emergency-scenario evaluation and redaction test results", "T. Nowak / "
                                                                                            "Meridale",
         "13 Nov 2026", "Open"],
        ["A2", "Breach notification in Order Form reduced from 48 hours to 24 hours", "Procurement",
         "Before signature", "Open"],
        ["A3", "Chat transcript retention set at 12 months", "Programme", "Before signature", "Open"],
        ["A4", "Agree raw sensor retention (90 days proposed)", "DPO / Meridale", "20 Nov 2026", "Open"],
        ["A5", "Verify Tessellate’s DPF certification; complete TRAs for US and India", "DPO", "27 Nov 2026",
         "Open"],
        ["A6", "Obtain Meridale–Kestrel IDTA and evidence of Kestrel staff vetting", "L. Firth",
         "27 Nov 2026", "Open"],
        ["A7", "Finalise LIA for operative location following Unison meeting", "HR / DPO", "19 Nov 2026",
         "Meeting scheduled"],
        ["A8", "Privacy notice v5, Easy Read, Urdu and Polish versions; new sensor leaflet", "Communications",
         "31 Jan 2027", "Not started"],
        ["A9", "Update Appropriate Policy Document", "DPO", "31 Dec 2026", "Not started"],
        ["A10", "Vary Aeroscan processing instructions to allow disclosure to Meridale", "Procurement",
         "15 Jan 2027", "Not started"],
        ["A11", "Sign off triage rulebook and 500-scenario test results", "G. Illingworth",
         "2 weeks before go-live", "Not started"],
        ["A12", "Confirm field mapping excludes equality data and safety marker reasons", "R. Pemberton / "
                                                                                         "Brightwater",
         "11 Dec 2026", "In progress"],
        ["A13", "Legal advice on Schedule 1 condition", "Hebden Clough LLP", "30 Nov 2026", "Requested"],
    ], widths_cm=[1.1, 7.0, 3.2, 2.8, 2.4], size=8.5)

    H1("16. DPO advice and sign-off")
    P("Subject to completion of actions A1 to A6 and A10 to A12 before go-live, and A7 to A9 before the "
      "relevant processing starts, I consider that the processing can proceed with residual risks that are "
      "medium rather than high. I would advise against activating the damp and mould module in the pilot "
      "until section 14 is complete and sensor households have been written to, even if this means the "
      "module starts later than the rest of the pilot. This advice is given on a draft and will be restated "
      "when the DPIA is finalised.")
    d_table(doc, [
        ["Role", "Name", "Decision", "Date"],
        ["Data Protection Officer (advice)", "Priya Raman", "Draft advice above – final advice pending", ""],
        ["Information Asset Owner", "Gary Illingworth", "Outstanding", ""],
        ["Information Security Manager", "Liam Firth", "Comments provided; sign-off outstanding", ""],
        ["Senior Information Risk Owner", "Carl Brennan, Director of Finance and Resources", "Outstanding", ""],
        ["Programme SRO", "Deborah Hallam, Executive Director of Property and Assets", "Outstanding", ""],
    ], widths_cm=[4.6, 5.0, 4.9, 2.0])

    set_core(doc, title="DPIA – HomeFix Connect (AHG-DPIA-2026-014) v0.5 DRAFT", author="Priya Raman",
             subject="Data protection impact assessment – tenant repairs platform",
             created=_dt.datetime(2026, 8, 4, 10, 5, 0), modified=_dt.datetime(2026, 10, 30, 17, 22, 0),
             revision=23, keywords="DPIA; HomeFix Connect; draft", category="Information Governance",
             comments="Draft – not approved")
    save_docx(doc, os.path.join(OUT, "dpia-draft.docx"), (2026, 10, 30, 17, 22, 0))


# ---------------------------------------------------------------------------
# PDF helpers
# ---------------------------------------------------------------------------

_SS = getSampleStyleSheet()
ST = {
    "title": ParagraphStyle("t", parent=_SS["Title"], fontName="Helvetica-Bold", fontSize=17, leading=21,
                            spaceAfter=6),
    "sub": ParagraphStyle("s", parent=_SS["Normal"], fontName="Helvetica", fontSize=11, leading=14,
                          alignment=TA_CENTER, spaceAfter=10),
    "h1": ParagraphStyle("h1", parent=_SS["Heading2"], fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                         spaceBefore=10, spaceAfter=5, textColor=colors.HexColor("#1F3B5A")),
    "h2": ParagraphStyle("h2", parent=_SS["Heading3"], fontName="Helvetica-Bold", fontSize=10.5, leading=13,
                         spaceBefore=6, spaceAfter=3),
    "body": ParagraphStyle("b", parent=_SS["Normal"], fontName="Helvetica", fontSize=9.5, leading=12.6,
                           spaceAfter=5),
    "cell": ParagraphStyle("c", parent=_SS["Normal"], fontName="Helvetica", fontSize=8.2, leading=10.2),
    "cellb": ParagraphStyle("cb", parent=_SS["Normal"], fontName="Helvetica-Bold", fontSize=8.2, leading=10.2,
                            textColor=colors.white),
    "small": ParagraphStyle("sm", parent=_SS["Normal"], fontName="Helvetica-Oblique", fontSize=8, leading=10,
                            spaceAfter=4),
}


def _mk(text):
    t = escape(text)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", t)


def pp(text, style="body"):
    return Paragraph(_mk(text), ST[style])


def ptable(rows, widths_mm, head_color="#1F3B5A", zebra=True, header=True):
    data = []
    for i, row in enumerate(rows):
        data.append([Paragraph(_mk(c), ST["cellb"] if (header and i == 0) else ST["cell"]) for c in row])
    t = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1 if header else 0)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(head_color if header else "#FFFFFF")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A8A8A")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        for r in range(1, len(rows)):
            if r % 2 == 0:
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F1F4F8")))
    t.setStyle(TableStyle(style))
    return t


def _page_deco(header, footer):
    def deco(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, A4[1] - 11 * mm, header)
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()
    return deco


def build_pdf(path, story, title, author, subject, header, footer):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm, title=title, author=author,
                            subject=subject, creator="Microsoft Word (exported)",
                            producer="ReportLab PDF Library")
    deco = _page_deco(header, footer)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)


QW = [14, 44, 84, 32]  # Q ref | question | response | evidence (mm)


def qtable(rows):
    return ptable([["Ref", "Question", "Meridale response", "Evidence"]] + rows, QW)


# ---------------------------------------------------------------------------
# 3. Vendor security questionnaire response (Meridale security voice)
# ---------------------------------------------------------------------------

def build_security():
    s = []
    s.append(pp("Meridale Systems Ltd", "sub"))
    s.append(pp("Response to Supplier Security Questionnaire", "title"))
    s.append(pp("Ashgrove Homes Group – AHG-SSQ v2.1 – HomeFix Connect", "sub"))
    s.append(ptable([
        ["Item", "Detail"],
        ["Document reference", "MSL-SEC-RSP-0419"],
        ["Version / date", "1.1 – 21 October 2026 (v1.0 issued 14 October 2026)"],
        ["Prepared by", "Hannah Cole, Security & Compliance Lead"],
        ["Approved by", "Rajinder Kaur, Chief Technology Officer"],
        ["Product version assessed", "HomeFix Connect release 26.10"],
        ["Classification", "Commercial in Confidence – shared under the mutual NDA dated 9 September 2026"],
    ], [45, 129]))
    s.append(Spacer(1, 6))
    s.append(pp("1. Introduction", "h1"))
    s.append(pp("Thank you for the opportunity to respond to Ashgrove Homes Group’s supplier security "
                "questionnaire. The answers below describe HomeFix Connect as it is operated today, in release "
                "26.10, and where relevant the planned position. Where we say that evidence is available “on "
                "request”, it can be provided under the NDA, and in some cases only for review in a screen-share "
                "session rather than as a copy. Version 1.1 corrects our answer to C3 and adds section L, which "
                "Ashgrove asked for following the clarification call on 17 October 2026."))
    s.append(pp("Statements about future releases are our current intention and are not commitments unless "
                "they are reflected in the contract. Where this response and the contract differ, the contract "
                "prevails."))

    s.append(pp("2. Governance and certifications", "h1"))
    s.append(ptable([
        ["Certification / attestation", "Status", "Date / target", "Evidence"],
        ["ISO/IEC 27001:2022", "Held. Certificate IS-771204, Northpoint Certification Ltd (UKAS accredited). "
                               "Scope: design, development, hosting and support of HomeFix Connect",
         "Recertified 18 March 2025; valid to 17 March 2028; next surveillance audit March 2027",
         "Certificate and Statement of Applicability (SoA v7) attached"],
        ["Cyber Essentials Plus", "Held", "Renewed 2 June 2026", "Certificate attached"],
        ["SOC 2 Type I", "Held", "Report as at 30 June 2026", "On request"],
        ["SOC 2 Type II", "In progress. Observation period 1 July – 31 December 2026", "Report target Q1 2027",
         "Not yet available"],
        ["ISO/IEC 27701", "Planned", "Target Q4 2027", "–"],
        ["ISO/IEC 42001 (AI management)", "Not held; under consideration", "No target date set", "–"],
        ["PCI DSS", "Not applicable – no cardholder data processed; SAQ A completed for the payment redirect",
         "SAQ A dated 11 April 2026", "On request"],
    ], [38, 60, 42, 34]))
    s.append(Spacer(1, 4))
    s.append(qtable([
        ["A1", "Who is accountable for information security?", "The Chief Technology Officer is accountable "
         "at board level. Meridale does not have a dedicated CISO; the Security & Compliance Lead reports to "
         "the CTO and chairs a monthly security forum. Security risks are reported to the board quarterly.",
         "Org chart; ISMS manual s.5"],
        ["A2", "Are security policies documented and reviewed?", "Yes. 23 policies within the ISMS, reviewed "
         "at least annually; last full review completed August 2026.", "Policy index (attached)"],
        ["A3", "Do you operate a risk management process?", "Yes, aligned to ISO/IEC 27005. Risk register "
         "reviewed monthly; supplier risks reviewed annually.", "Summary on request"],
    ]))

    s.append(pp("3. Hosting and data location", "h1"))
    s.append(qtable([
        ["B1", "Where is customer data hosted?", "Amazon Web Services, London region (eu-west-2), across "
         "three availability zones. Encrypted backups are replicated to the AWS Ireland region (eu-west-1), "
         "which is also our disaster recovery region.", "Architecture overview v4.3"],
        ["B2", "Is any customer data accessed from outside the UK?", "Our UK support team covers 08:00–18:00 "
         "on weekdays. Out-of-hours first-line support is provided by Kestrel Support Services in Pune, India, "
         "with a restricted support role. AI Assistant conversation content is processed by our model "
         "provider in the United States – see section K.", "Sub-processor list (section J)"],
        ["B3", "How is customer data segregated?", "Multi-tenant application with logical separation: tenant "
         "identifiers enforced through row-level security in PostgreSQL and separate storage prefixes for "
         "photographs. A dedicated encryption key per customer is available on request (additional fee).",
         "Architecture overview s.6"],
        ["B4", "Is production data used in non-production environments?", "Not by default. Pre-production "
         "uses synthetic data. Masked copies of production data may be used in pre-production only with the "
         "customer’s written approval, for example for migration rehearsals.", "Test data standard TDS-02"],
    ]))

    s.append(pp("4. Identity and access management", "h1"))
    s.append(qtable([
        ["C1", "Can staff authenticate with our identity provider?", "Yes. Microsoft Entra ID via OpenID "
         "Connect or SAML 2.0. SCIM 2.0 user provisioning is supported. Group-to-role mapping is partially "
         "supported: roles currently have to be assigned in the HomeFix admin console; automatic mapping from "
         "Entra groups is planned for release 27.1.", "Integration guide IG-ENTRA-03"],
        ["C2", "Is MFA enforced for customer staff and third parties?", "For federated users MFA is enforced by "
         "the customer’s identity provider. Local accounts for third parties (for example contractors who are "
         "not federated) must enrol an authenticator app (TOTP); SMS is not permitted for staff or contractor "
         "accounts.", "Admin guide s.3.4"],
        ["C3", "Is MFA available for tenants?", "Corrected in v1.1. MFA is optional for tenants (authenticator "
         "app or SMS one-time code). Making tenant MFA mandatory is not currently supported; it is planned for "
         "release 27.2, target May 2027.", "Roadmap extract (on request)"],
        ["C4", "How is Meridale privileged access controlled?", "Production access requires FIDO2 hardware keys, "
         "just-in-time elevation through our privileged access tool (maximum 4 hours), and session recording. "
         "Eleven staff hold production access. Access reviews are quarterly.", "Access control policy AC-01"],
        ["C5", "Does the solution process biometric data?", "No. The mobile app supports device unlock using "
         "the phone’s fingerprint or face recognition, which is handled entirely by the device operating "
         "system. No biometric data is received or stored by Meridale.", "–"],
        ["C6", "Is role-based access supported?", "Yes. 14 predefined roles plus custom roles. Contractor roles "
         "can be restricted to jobs allocated to that contractor and to selected vulnerability indicators.",
         "Role matrix (attached)"],
    ]))

    s.append(pp("5. Encryption", "h1"))
    s.append(qtable([
        ["D1", "Is data encrypted at rest?", "Yes. AES-256 using AWS KMS for databases, object storage "
         "(including photographs) and backups.", "Cryptography standard CS-01"],
        ["D2", "Is data encrypted in transit?", "TLS 1.2 minimum, TLS 1.3 preferred, HSTS enabled on all "
         "public endpoints. Service-to-service traffic uses mutual TLS within the service mesh for core "
         "services. The damp and mould data pipeline currently uses TLS without mutual authentication; mTLS is "
         "planned for Q1 2027.", "SSL Labs report (A+), 3 October 2026"],
        ["D3", "Do you support customer-managed keys?", "Bring-your-own-key is not supported. Keys are managed "
         "in AWS KMS and rotated annually. A dedicated customer master key can be provisioned on request.",
         "CS-01 s.4"],
        ["D4", "Is sensitive data given additional protection?", "Partially. Access notes are encrypted at "
         "application level. Vulnerability indicator codes rely on database encryption at rest and role-based "
         "access; we are assessing field-level encryption for these codes.", "–"],
        ["D5", "How is data protected on mobile devices?", "Tokens are held in the OS keystore. Photographs "
         "are cached in app-private storage until uploaded and then removed. The Operative App holds up to 8 "
         "hours of jobs offline, encrypted.", "Mobile security note MSN-2"],
    ]))

    s.append(pp("6. Vulnerability management and penetration testing", "h1"))
    s.append(qtable([
        ["E1", "When was the last independent penetration test?", "14–25 September 2026, by Castlegate Cyber "
         "Ltd (CREST accredited), covering the web application, APIs and both mobile apps. Findings: 0 "
         "critical, 2 high (both remediated and retested by 9 October 2026), 7 medium (5 remediated; 2 "
         "scheduled for release 26.11, target 30 November 2026) and 11 low or informational. The previous "
         "annual test was in September 2025.", "Executive summary on request; full report for review under "
                                                "NDA only"],
        ["E2", "When is the next test?", "A test focused on the AI Assistant (prompt injection, data leakage "
         "between sessions, jailbreak resistance) is planned for February 2027, before the Ashgrove pilot. "
         "The next full annual test is planned for September 2027.", "–"],
        ["E3", "Can the customer carry out its own testing?", "Yes, once per contract year, with 15 business "
         "days’ notice, against a non-production environment and an agreed scope.", "Testing rules of "
                                                                                      "engagement"],
        ["E4", "What are your patching timescales?", "Critical: 7 days. High: 14 days. Medium: 30 days. Low: "
         "90 days. Measured from vendor release or internal confirmation.", "Vulnerability management "
                                                                            "policy VM-01"],
        ["E5", "How do you identify vulnerabilities?", "Weekly authenticated infrastructure scanning; static "
         "analysis and software composition analysis in the build pipeline; container image scanning. We "
         "publish a vulnerability disclosure policy via security.txt. We do not operate a bug bounty "
         "programme.", "–"],
    ]))

    s.append(pp("7. Logging and monitoring", "h1"))
    s.append(qtable([
        ["F1", "Are security events centrally logged and monitored?", "Yes. Application, infrastructure and "
         "AWS control-plane logs feed an Elastic-based SIEM. Our in-house team monitors 08:00–20:00; 24x7 "
         "detection and response is provided by Ironbridge MDR Ltd (UK).", "Monitoring standard MS-03"],
        ["F2", "How long are logs retained?", "13 months, of which 90 days are immediately searchable.", "–"],
        ["F3", "Can we access audit logs?", "Customer administrators can view and export audit logs in the "
         "admin console for 12 months. Integration with a customer SIEM is partially supported: a daily batch "
         "export via API is available now; near-real-time streaming is planned for the second half of 2027.",
         "Admin guide s.7"],
        ["F4", "What detection use cases are in place?", "Includes impossible travel, privileged access outside "
         "change windows, bulk export of records, repeated failed logins and anomalous AI Assistant usage.",
         "Use case list on request"],
    ]))

    s.append(pp("8. Incident management", "h1"))
    s.append(qtable([
        ["G1", "Do you have an incident response process?", "Yes, aligned to ISO/IEC 27035, with 24x7 on-call "
         "and a tabletop exercise at least annually (last held 3 June 2026).", "Incident response plan "
                                                                               "IRP-04"],
        ["G2", "How quickly will you notify us of an incident?", "We notify affected customers of a confirmed "
         "security incident affecting their data within 24 hours of confirmation, with updates at least every "
         "24 hours and a final report within 10 business days of closure. We note that the draft Order Form "
         "expresses the contractual commitment differently; the contractual commitment will prevail.", "IRP-04 "
                                                                                                      "s.6"],
        ["G3", "Have you had any reportable incidents in the last 24 months?", "One incident in May 2025: an "
         "email containing a staff user’s account details was misdirected to another customer’s "
         "administrator. No tenant data was involved; after assessment it was not reported to the ICO.",
         "Summary on request"],
    ]))

    s.append(pp("9. Backup, business continuity and disaster recovery", "h1"))
    s.append(pp("Databases are backed up by automated daily snapshots retained for 35 days, with point-in-time "
                "recovery available for the previous 7 days. Object storage (photographs) is versioned for 30 "
                "days. Backup copies are encrypted and replicated to the Ireland region. Recovery objectives "
                "by module are shown below; they apply to a full regional failure and are tested annually."))
    s.append(ptable([
        ["Module", "RTO", "RPO", "Notes"],
        ["Tenant Portal and Mobile App", "4 hours", "15 minutes", "–"],
        ["Scheduling Module and Operative App", "4 hours", "15 minutes", "Operative App continues offline "
                                                                          "for up to 8 hours"],
        ["AI Assistant", "8 hours", "1 hour", "Portal falls back to guided form-based reporting"],
        ["Integration Hub (Tenancia, Entra ID, payments)", "8 hours", "1 hour", "Queued messages are replayed "
                                                                                "on recovery"],
        ["Damp and Mould Prediction", "72 hours", "24 hours", "Daily batch scoring; Aeroscan buffers telemetry "
                                                              "for 7 days"],
        ["Reporting and Analytics", "5 business days", "24 hours", "–"],
    ], [58, 24, 24, 68]))
    s.append(Spacer(1, 4))
    s.append(qtable([
        ["H1", "When was DR last tested?", "11 August 2026: failover of core services to the Ireland region in "
         "a test environment. Core services were restored in 3 hours 10 minutes against the 4-hour RTO.",
         "DR test report summary"],
        ["H2", "What happens if your AI provider is unavailable?", "The AI Assistant degrades to guided "
         "form-based reporting and emergency rules continue to operate. A secondary model provider is not "
         "currently contracted.", "–"],
    ]))

    s.append(pp("10. Personnel security", "h1"))
    s.append(qtable([
        ["I1", "What pre-employment screening is carried out?", "All staff are screened to a standard aligned "
         "with the Baseline Personnel Security Standard (identity, right to work, three-year employment "
         "history, declaration of unspent convictions). Staff with production access also hold a basic DBS "
         "certificate. Enhanced DBS checks are not carried out as staff have no unsupervised contact with "
         "tenants. No staff hold national security vetting.", "HR screening policy HR-07"],
        ["I2", "How are sub-processor staff vetted?", "Kestrel screens staff under its own policy (identity, "
         "address verification, education and previous employment, and police verification where permitted "
         "locally). We reviewed that policy in May 2026; we have not audited Kestrel on site.", "Kestrel "
                                                                                               "policy on "
                                                                                               "request"],
        ["I3", "Is security training provided?", "Annual training for all staff with quarterly phishing "
         "simulations; 96% completion in 2025/26. Meridale has 142 employees.", "Training records summary"],
        ["I4", "How quickly is access removed for leavers?", "Within 24 hours, and on the day of leaving for "
         "anyone with production access.", "Joiners-movers-leavers procedure"],
    ]))

    s.append(pp("11. Sub-processors and supply chain", "h1"))
    s.append(ptable([
        ["Sub-processor", "Purpose", "Location"],
        ["Amazon Web Services EMEA SARL", "Hosting, storage, backups", "UK (London); Ireland (backups, DR)"],
        ["Tessellate AI, Inc.", "Large language model for the AI Assistant", "USA (UK endpoint planned)"],
        ["Kestrel Support Services Pvt Ltd", "Out-of-hours first-line support", "India"],
        ["Textwell Communications Ltd", "SMS messages", "UK"],
        ["Sendmark Europe GmbH", "Transactional email", "Germany"],
        ["Ironbridge MDR Ltd", "Managed detection and response (security logs only)", "UK"],
    ], [58, 70, 46]))
    s.append(Spacer(1, 4))
    s.append(pp("Brightwater Software (Tenancia), Tollgate Payments and Aeroscan Sensors are contracted by "
                "Ashgrove and are not Meridale sub-processors. Each sub-processor is assessed before onboarding "
                "and reviewed annually; the most recent annual review was completed in July 2026."))

    s.append(pp("12. Artificial intelligence and machine learning", "h1"))
    s.append(qtable([
        ["K1", "Which AI models are used, and who provides them?", "(a) **Tessera-M 4.2**, a general-purpose "
         "large language model licensed from Tessellate AI, Inc. (San Francisco), accessed by API with "
         "inference hosted in Tessellate’s US-East region. It manages the conversation and drafts summaries. "
         "(b) **HF-Triage v2.3**, Meridale’s own supervised classifier, which proposes the trade and priority "
         "code. (c) **DampRisk v1.4**, Meridale’s gradient-boosted model combining sensor features, repair "
         "history and property attributes.", "Model register (on request)"],
        ["K2", "Is customer data used to train models?", "Tessellate is contractually prohibited from using "
         "Meridale customer data for training. Meridale improves HF-Triage and DampRisk using de-identified "
         "data only from customers who have opted in; Ashgrove would not be opted in by default.",
         "Tessellate agreement clause extract (on request)"],
        ["K3", "Is personal data minimised before it reaches the model?", "Yes. A redaction layer replaces "
         "names, phone numbers, email addresses and postcodes with tokens before prompts are sent. On our test "
         "set redaction recall is 97.8%, so some identifiers in free text may pass through.", "Redaction test "
                                                                                                "summary"],
        ["K4", "Does the model provider retain prompts?", "Meridale’s account operates under zero data "
         "retention for prompts and completions, except abuse-monitoring logs which Tessellate may keep for up "
         "to 30 days. We have applied for that exception to be waived; the decision is pending.", "–"],
        ["K5", "What safeguards apply to triage?", "Deterministic emergency rules run before the model "
         "(gas, electrical, flooding, security of the home, loss of heating for vulnerable households). "
         "Prompt-injection defences and output filtering are applied. The assistant always offers hand-off "
         "to a person.", "Triage rulebook template"],
        ["K6", "How accurate is the triage?", "Across three landlord customers between January and June 2026, "
         "HF-Triage priorities matched the final planner priority in 91.6% of jobs. Emergency recall on our "
         "1,200-scenario test set is 99.4%. A model card for Tessera-M and HF-Triage is in preparation.",
         "Evaluation summary (on request)"],
        ["K7", "How are model changes managed?", "Model upgrades are regression-tested against the scenario set "
         "before release. We will give 60 days’ notice of a material change.", "Change policy CH-02"],
        ["K8", "Are photographs analysed by AI?", "No. Photographs are not analysed by any model in the current "
         "release. Image-based defect recognition is on our roadmap, not before 2028, and would not be "
         "enabled without customer agreement.", "–"],
        ["K9", "How was DampRisk trained and validated?", "On pooled de-identified data from six landlord "
         "customers (approximately 9,000 monitored homes). AUC 0.81 on a held-out set. Fairness testing across "
         "property types has been carried out; testing across household characteristics is partial because "
         "we hold little such data.", "Validation note DR-1.4"],
        ["K10", "Are predictions explainable?", "Yes. The top contributing factors are shown with each risk "
         "band.", "Screenshot pack"],
    ]))

    s.append(pp("13. Sensor and IoT data", "h1"))
    s.append(qtable([
        ["L1", "Do you supply or manage sensors?", "No. We ingest telemetry from Aeroscan’s cloud API. Device "
         "security and firmware are Aeroscan’s responsibility.", "–"],
        ["L2", "How do you classify sensor telemetry?", "We treat telemetry as property condition data. In our "
         "view it is not personal data in isolation, although we recognise that customers may treat it as "
         "personal data when it is linked to a tenancy. We apply the same controls as for all customer data.",
         "–"],
        ["L3", "How long is telemetry retained?", "Raw readings are retained for 13 months so the model can "
         "learn seasonal patterns, then aggregated to daily values for the life of the contract. Other periods "
         "can be configured on request.", "–"],
        ["L4", "Is occupancy inferred?", "DampRisk does not use features designed to infer occupancy, although "
         "humidity changes naturally correlate with activities such as cooking and showering.", "Feature list "
                                                                                                 "on request"],
    ]))

    s.append(pp("14. Clarifications", "h1"))
    s.append(pp("Questions 4.7 (on-premises deployment) and 9.2 (source code escrow) of the questionnaire are "
                "not applicable to a SaaS service and have not been answered. We have not answered question "
                "11.5 (cyber insurance broker details) in this document; details will be provided to "
                "Ashgrove’s procurement team separately. Please contact the Security & Compliance Lead with any "
                "follow-up questions."))
    s.append(pp("End of response.", "small"))

    build_pdf(os.path.join(OUT, "vendor-security-response.pdf"), s,
              title="Meridale Systems – Response to AHG Supplier Security Questionnaire (MSL-SEC-RSP-0419 v1.1)",
              author="Hannah Cole", subject="HomeFix Connect security questionnaire response",
              header="Meridale Systems Ltd | MSL-SEC-RSP-0419 v1.1 | Commercial in Confidence",
              footer="Response to Ashgrove Homes Group AHG-SSQ v2.1 – 21 October 2026")


# ---------------------------------------------------------------------------
# 4. Steering board minutes (PMO voice)
# ---------------------------------------------------------------------------

def build_minutes():
    s = []
    s.append(pp("Ashgrove Homes Group", "sub"))
    s.append(pp("HomeFix Connect Programme Steering Board", "title"))
    s.append(pp("Minutes of meeting SB-07 – Thursday 10 December 2026, 14:00–16:05 – "
                "Boardroom 2, Ashgrove House, Leeds, and Microsoft Teams", "sub"))
    s.append(ptable([
        ["Present", "Deborah Hallam, Executive Director of Property and Assets, SRO (Chair); Gary Illingworth, "
                    "Head of Repairs and Maintenance; Rachel Pemberton, Head of Digital and IT; Priya Raman, Head "
                    "of Information Governance and DPO; Owen Clarke, Finance Business Partner (deputising for the "
                    "SIRO); Liam Firth, Information Security Manager; Jean Ackroyd, Chair, Tenant Scrutiny Panel; "
                    "Tomasz Nowak, Programme Manager"],
        ["In attendance", "Simon Drury, Account Director, and Kate Merriman, Delivery Lead, Meridale Systems Ltd "
                          "(items 3 to 6)"],
        ["Apologies", "Carl Brennan, Director of Finance and Resources (SIRO); Nadia Hussain, Head of Customer "
                      "Contact"],
        ["Minutes", "Emma Styles, Programme Support Officer"],
    ], [32, 142], zebra=False, header=False))
    s.append(Spacer(1, 4))

    s.append(pp("1. Welcome, apologies and declarations of interest", "h1"))
    s.append(pp("The Chair welcomed members and noted apologies. Jean Ackroyd noted that her own home has an "
                "Aeroscan sensor; the board agreed this was not a conflict and that her perspective was helpful "
                "for item 4. No other interests were declared."))

    s.append(pp("2. Minutes of SB-06 and matters arising", "h1"))
    s.append(pp("The minutes of SB-06 (12 November 2026) were approved subject to one correction: the Phase 3 "
                "go-live date should read 4 October 2027, not 1 October 2027. TN confirmed that the Order Form "
                "(v3.0) was signed by both parties on 1 December 2026 and the first implementation milestone "
                "invoice has been received. The action on Unison consultation (SB06-03) is closed: the meeting "
                "took place on 19 November and the legitimate interests assessment for operative location has "
                "been updated to limit capture to job statuses."))

    s.append(pp("3. Programme status", "h1"))
    s.append(pp("TN reported overall status as **Amber**. The pilot go-live date of 12 April 2027 for Wakefield "
                "(c. 4,200 homes) stands, as re-baselined by CN-02. Brightwater has confirmed that version 3 of "
                "the Tenancia API will be released to Ashgrove’s test environment on 18 January 2027 and to "
                "production on 15 February 2027. On that basis integration testing runs from 22 February to 19 "
                "March, user acceptance testing from 22 March to 2 April, and the go/no-go decision will be "
                "taken on 6 April. Training for 34 contact centre staff and planners and 61 Wakefield operatives "
                "begins on 8 March. Hypercare will run for six weeks, to 23 May 2027."))
    s.append(pp("KM advised that if API v3 reaches test later than 1 February 2027, 12 April cannot be achieved "
                "and the next viable date would be 10 May 2027, because of the bank holiday weekends and the need "
                "to avoid go-live during the first week of a month, when repair demand peaks. RP to obtain "
                "written confirmation of the Brightwater dates."))

    s.append(pp("4. Damp and mould prediction module – phasing", "h1"))
    s.append(pp("The Chair reminded the board that CN-02 had already moved the module out of the pilot and "
                "that the signed Order Form shows it in Phase 2 with a target of 1 July 2027. PR advised that the "
                "DPIA addendum for the module cannot realistically be completed and signed off in time for July. "
                "Four matters are still open: retention of raw sensor readings; the variation to Aeroscan’s "
                "processing instructions; the lawful basis assessment; and writing to the 1,400 sensor "
                "households before prediction starts. JA said that tenants with sensors had not been told about "
                "prediction and that the panel wanted a letter, and a simple way to say no, before anything was "
                "switched on."))
    s.append(pp("SD confirmed that Meridale could support activation in Phase 3 without any change to the Fees, "
                "because the module fee only runs from the Module Activation Date. GI was concerned that deferral "
                "would take the module past the start of the heating season, when condensation cases rise, but "
                "accepted that the surveyor review process would not be ready before then either."))
    s.append(pp("**Decision D1:** the damp and mould prediction module moves to Phase 3. It will not be activated "
                "before 4 October 2027, and only once the DPIA addendum has been signed off by the DPO and the "
                "SIRO. Meridale will issue CN-03 to amend paragraph 4 of the Order Form; until CN-03 is signed "
                "the Order Form continues to show Phase 2, and this decision governs programme planning."))
    s.append(pp("The board discussed sensor retention. PR’s position is that 90 days of raw readings, with "
                "daily aggregates kept after that, is enough. KM explained that DampRisk is trained on a full "
                "year of readings to capture seasonal effects and that the Order Form provides for 13 months. A "
                "compromise of keeping raw readings for 13 months but pseudonymising them after 90 days was "
                "suggested but not agreed. **No decision was taken**; PR and KM will bring an options paper to "
                "SB-08."))

    s.append(pp("5. Data protection and security", "h1"))
    s.append(pp("**5.1 Chat transcript retention.** The Order Form default is 24 months, configurable by "
                "Ashgrove. PR recommended 12 months, in line with the draft DPIA. GI asked how transcripts "
                "relevant to a complaint or a disrepair claim would be kept; it was agreed that these will be "
                "exported into Tenancia before deletion, with the process to be defined by Repairs. **Decision "
                "D2:** chat transcripts will be retained for 12 months from the end of the conversation, and "
                "Meridale will configure this before UAT. KM confirmed there is no cost."))
    s.append(pp("**5.2 Breach notification.** LF noted that paragraph 9.4 of the signed Order Form requires "
                "notification within 36 hours, while Meridale’s security questionnaire response says 24 hours. "
                "SD agreed in principle to 24 hours and will include it in CN-03. LF noted that until CN-03 is "
                "signed the contractual position remains 36 hours."))
    s.append(pp("**5.3 Use of de-identified data.** PR noted that paragraph 12.4 of the Order Form allows "
                "Meridale to use de-identified data to improve its own models unless Ashgrove opts out, whereas "
                "the security response describes this as opt-in. KM confirmed that the Order Form reflects "
                "current practice. **Decision D3:** Ashgrove will opt out. PR will send written notice by 18 "
                "December 2026."))
    s.append(pp("**5.4 US processing of conversations.** SD reported that the UK-hosted Tessellate endpoint is "
                "now expected in June 2027, so pilot conversations from April to June will be processed in the "
                "United States. PR confirmed that she verified Tessellate’s certification under the UK "
                "Extension to the Data Privacy Framework on 3 December 2026. The board accepted the risk for the "
                "pilot on the DPO’s advice, subject to the transfer risk assessments being completed before "
                "go-live."))
    s.append(pp("**5.5 Assurance.** Castlegate’s test of the AI Assistant is booked for 8–12 February 2027 and LF "
                "will receive the summary. LF reported that Meridale now expects its SOC 2 Type II report in Q2 "
                "2027 rather than Q1; this is not a go-live blocker but will be monitored. Evidence of Kestrel "
                "staff vetting and a copy of the Meridale–Kestrel transfer agreement have still not been "
                "received, and a new risk (R-14) has been added."))
    s.append(pp("**5.6 DPIA status.** DPIA v0.7 was circulated on 7 December. The core DPIA, excluding the damp "
                "and mould module, is targeted for sign-off at SB-08."))

    s.append(pp("6. Budget", "h1"))
    s.append(pp("OC presented the finance report. The approved whole-life budget is £745,000 over 2026/27 to "
                "2029/30, including £60,000 contingency. Forecast base costs have risen from £685,000 to "
                "£724,500: £21,600 for Brightwater’s API v3 work, which was not in the original budget, and "
                "£17,900 for extended hypercare and backfill following the re-baseline. The Meridale contract "
                "value over the initial term is forecast at £455,705 excluding VAT and before indexation. Spend "
                "to date in 2026/27 is £212,300, including the first implementation milestone of £59,400. The "
                "move of the damp and mould module has no fee impact, but the purchase of 1,100 additional "
                "sensors (£96,000) is now expected to fall in 2027/28 rather than 2026/27; this is a change in "
                "timing, not a saving."))
    s.append(pp("**Decision D4:** a contingency draw of £39,500 was approved, leaving £20,500 of contingency. "
                "The Chair asked that any further draw come to the board before it is committed."))

    s.append(pp("7. Risks and issues", "h1"))
    s.append(pp("The top risks remain R-03 (Tenancia API v3 dates), R-07 (digital take-up among older tenants) "
                "and R-11 (communication with sensor households). R-14 (sub-processor vetting evidence) was added "
                "under item 5.5. Issue I-04 (key safe codes in Tenancia notes) is closed: the notes have been "
                "cleansed for the affected sheltered schemes."))

    s.append(pp("8. Tenant engagement", "h1"))
    s.append(pp("JA reported on the panel’s review of the app prototype on 25 November, attended by 14 tenants. "
                "Feedback was positive about photo upload and the assistant’s name, “Ash”. Tenants asked for "
                "larger text options and for Urdu and Polish to be available sooner than Phase 3. Some were "
                "uneasy about “a robot deciding whether my repair is urgent”; GI explained that planners review "
                "any case where the assistant proposes a lower priority than the tenant asked for. KM said "
                "Urdu and Polish might be possible in Phase 2 if testing goes well, but Meridale would not commit "
                "to that today."))

    s.append(pp("9. Any other business", "h1"))
    s.append(pp("TN reported that the service levels and KPI set is being compiled by the Performance and "
                "Insight team and will be circulated with these minutes. The next meeting, SB-08, will be held on "
                "Thursday 14 January 2027 at 14:00."))

    s.append(pp("Actions", "h1"))
    s.append(ptable([
        ["Ref", "Action", "Owner", "Due", "Status"],
        ["SB07-01", "Issue CN-03: damp and mould module to Phase 3 (not before 4 Oct 2027); breach "
                    "notification 24 hours", "S. Drury", "8 Jan 2027", "New"],
        ["SB07-02", "Options paper on retention of raw sensor readings", "P. Raman / K. Merriman", "7 Jan 2027",
         "New"],
        ["SB07-03", "Configure 12-month chat transcript retention before UAT", "K. Merriman", "19 Mar 2027",
         "New"],
        ["SB07-04", "Define process to export transcripts linked to complaints or disrepair claims into "
                    "Tenancia", "G. Illingworth", "26 Feb 2027", "New"],
        ["SB07-05", "Send written opt-out notice under Order Form paragraph 12.4", "P. Raman", "18 Dec 2026",
         "New"],
        ["SB07-06", "Complete transfer risk assessments for Tessellate (US) and Kestrel (India)", "P. Raman",
         "14 Jan 2027", "In progress"],
        ["SB07-07", "Obtain Kestrel vetting evidence and Meridale–Kestrel transfer agreement", "L. Firth",
         "18 Dec 2026", "Carried forward (SB05-04)"],
        ["SB07-08", "Obtain written confirmation of Brightwater API v3 release dates", "R. Pemberton",
         "15 Dec 2026", "New"],
        ["SB07-09", "Plan for letters to sensor households, including how to object", "N. Hussain",
         "SB-08", "New"],
        ["SB07-10", "Update budget tracker and contingency log", "O. Clarke", "18 Dec 2026", "New"],
    ], [17, 79, 30, 22, 26]))
    s.append(Spacer(1, 6))
    s.append(pp("Minutes are draft until approved at SB-08.", "small"))

    build_pdf(os.path.join(OUT, "steering-minutes.pdf"), s,
              title="HomeFix Connect Programme Steering Board – Minutes SB-07 – 10 December 2026",
              author="Emma Styles", subject="Programme steering board minutes",
              header="Ashgrove Homes Group | HomeFix Connect Programme | OFFICIAL",
              footer="SB-07 minutes – draft until approved")


# ---------------------------------------------------------------------------
# 5. Service levels / KPIs CSV (performance analyst voice)
# ---------------------------------------------------------------------------

SL_HEADER = ["metric_id", "metric", "module", "target", "measurement", "period", "data_source",
             "contractual", "notes"]

SL_ROWS = [
    ["SL-01", "Availability - tenant portal and app back end", "Tenant Portal", "99.8%",
     "% of minutes available excl. permitted downtime", "calendar month", "Meridale monitoring report", "Y",
     "Order Form 7.1. Sunday 01:00-05:00 maintenance excluded (max 8h/month)"],
    ["SL-02", "Availability - scheduling module incl. operative app sync", "Scheduling", "99.8 %",
     "% of minutes available excl. permitted downtime", "calendar month", "Meridale monitoring report", "Y",
     "Counted with Core Services for service credits"],
    ["SL-03", "Availability - AI assistant", "AI Assistant", "99.5%", "% of minutes available",
     "calendar month", "Meridale monitoring report", "Y",
     "Portal falls back to form reporting if assistant down - still counts as unavailable"],
    ["SL-04", "Availability - damp & mould prediction", "Damp & Mould", "99.0%", "% of minutes available",
     "calendar month", "Meridale monitoring report", "Y",
     "Not measured until module activated. Phase 3 per SB-07 D1 (not before 04/10/2027); Order Form still "
     "says Phase 2 pending CN-03"],
    ["SL-05", "P1 incident - response", "Support", "30 min", "logged to engineer acknowledgement", "24x7",
     "Meridale service desk", "Y", "15 min during 6-week hypercare after each phase go-live"],
    ["SL-06", "P1 incident - restore or workaround", "Support", "4 hrs", "logged to service restored",
     "24x7", "Meridale service desk", "Y", ""],
    ["SL-07", "P2 incident - response", "Support", "2 business hours", "logged to acknowledgement",
     "Mon-Fri 08:00-18:00", "Meridale service desk", "Y", ""],
    ["SL-08", "P2 incident - resolution", "Support", "1 business day", "logged to resolved",
     "Mon-Fri 08:00-18:00", "Meridale service desk", "Y", ""],
    ["SL-09", "P3 incident - response / resolution", "Support", "1 BD / 5 BD", "logged to resolved",
     "business hours", "Meridale service desk", "Y", ""],
    ["SL-10", "Portal page load time", "Tenant Portal", "p95 ≤ 2.5 s", "synthetic test, 4G profile",
     "monthly", "Meridale APM", "N", "Meridale internal target - reported in monthly pack on request"],
    ["SL-11", "Assistant first reply latency", "AI Assistant", "p95 < 4000 ms",
     "message received to first token shown", "monthly", "Meridale APM", "N", ""],
    ["SL-12", "Triage agreement - AI priority unchanged by planner", "AI Assistant", "≥ 92%",
     "sample of 200 conversations reviewed", "monthly", "Repairs QA sample", "N",
     "Baseline to be set in pilot. Meridale quotes 91.6% at other landlords"],
    ["SL-13", "Emergency indicators routed to a person or emergency instructions", "AI Assistant", "100%",
     "conversations with emergency rule triggered", "weekly in hypercare then monthly", "Audit log",
     "N", "Any miss = P2 incident + rulebook review"],
    ["SL-14", "Emergency repairs attended", "Repairs operations", "98% within 4 hours",
     "jobs attended / emergency jobs raised", "monthly", "Tenancia", "N",
     "Ashgrove repairs policy; make safe within 24 hours"],
    ["SL-15", "Urgent repairs completed", "Repairs operations", "95% within 5 working days",
     "completed in target / urgent jobs", "monthly", "Tenancia", "N", ""],
    ["SL-16", "Routine repairs completed", "Repairs operations", "90% within 28 calendar days",
     "completed in target / routine jobs", "monthly", "Tenancia", "N", ""],
    ["SL-17", "Appointments made and kept", "Scheduling", "95%", "kept / booked (excl. tenant cancellations)",
     "monthly", "HomeFix scheduling", "N", ""],
    ["SL-18", "First time fix", "Repairs operations", "85 %", "jobs completed on first visit", "monthly",
     "Tenancia", "N", "Definition excludes jobs needing specialist follow-on"],
    ["SL-19", "Damp & mould reports - investigation started", "Repairs operations",
     "100% within 10 working days", "report received to inspection", "monthly", "Tenancia", "N",
     "Regulatory timescale - not dependent on prediction module"],
    ["SL-20", "Prediction high-risk flag reviewed by surveyor", "Damp & Mould", "95% within 5 working days",
     "flag raised to review recorded", "monthly", "HomeFix D&M queue", "N",
     "Proposed. Depends on DPIA addendum; no data before Oct 2027"],
    ["SL-21", "Job status sync to Tenancia", "Integration Hub", "99% within 15 minutes",
     "event created to Tenancia update", "daily", "Integration logs", "N", "Tenancia API v3 required"],
    ["SL-22", "Recovery time objective - core services", "Platform", "4 h", "declared incident to restored",
     "per DR test (annual)", "DR test report", "N", "RPO 15 minutes. From security response, not in Order Form"],
    ["SL-23", "Recovery time objective - damp & mould", "Damp & Mould", "72 hours",
     "declared incident to restored", "per DR test (annual)", "DR test report", "N", "RPO 24 hrs"],
    ["SL-24", "Personal data breach notification to Ashgrove", "Platform", "36 hours",
     "awareness to notification", "per incident", "Incident log", "Y",
     "24h agreed in principle at SB-07 - contract stays 36h until CN-03 signed"],
    ["SL-25", "Chat transcript retention", "AI Assistant", "12 months",
     "from conversation close", "configuration check quarterly", "Admin console", "N",
     "Order Form default 24 months; set to 12 per SB-07 D2"],
    ["SL-26", "Digital share of repair requests", "Tenant Portal", "35% by Dec 2027",
     "portal + app + assistant / all repair requests", "quarterly", "Tenancia channel field", "N",
     "Currently approx 22% (email + online form). Stretch 40%"],
    ["SL-27", "Satisfaction with repairs (TSM RP01)", "Repairs operations", ">= 80%",
     "TSM perception survey", "annual (quarterly tracker)", "Survey provider", "N", "2025/26 result 74%"],
]


def build_csv():
    path = os.path.join(OUT, "service-levels.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SL_HEADER)
        for row in SL_ROWS:
            w.writerow(row)


def main():
    build_contract()
    build_dpia()
    build_security()
    build_minutes()
    build_csv()
    print("Built corpus in", OUT)


if __name__ == "__main__":
    main()
