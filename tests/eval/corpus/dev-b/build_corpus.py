#!/usr/bin/env python3
"""Build the dev-b corpus (Kestrel Mutual / ClaimSight) deterministically.

Writes four documents (2 x .docx, 2 x .pdf) from text embedded in this script,
plus service-levels.csv. Run with the project venv python:

    /work/main/.venv/bin/python build_corpus.py

Determinism: docx core properties use fixed dates and the docx zip is rewritten
with fixed member timestamps; PDFs are built with reportlab invariant=1.
"""
import csv
import datetime as dt
import io
import os
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

OUT = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def fix_docx(doc, path, author, title, when):
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.subject = "ClaimSight"
    cp.comments = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    zdt = (when.year, when.month, when.day, 9, 0, 0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zi = zipfile.ZipInfo(item.filename, date_time=zdt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            zout.writestr(zi, data)


def docx_table(doc, rows, widths=None, bold_header=True):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            p = cell.paragraphs[0]
            r = p.add_run(str(val))
            r.font.size = Pt(9)
            if i == 0 and bold_header:
                r.bold = True
    doc.add_paragraph("")
    return t


def legal_render(doc, items):
    """Render items for a legal doc: headings are bold Normal paragraphs."""
    for kind, content in items:
        if kind == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(content)
            r.bold = True
            r.font.size = Pt(14)
        elif kind == "b":  # bold short heading paragraph
            p = doc.add_paragraph()
            r = p.add_run(content)
            r.bold = True
        elif kind == "p":
            doc.add_paragraph(content)
        elif kind == "i":
            p = doc.add_paragraph()
            r = p.add_run(content)
            r.italic = True
        elif kind == "n":  # numbered clause: "4.2(b)" + text, number bold
            num, text = content
            p = doc.add_paragraph()
            r = p.add_run(num + "\t")
            r.bold = True
            p.add_run(text)
        elif kind == "t":
            docx_table(doc, content)
        elif kind == "pb":
            doc.add_page_break()


def styled_render(doc, items):
    """Render items using Word heading styles."""
    for kind, content in items:
        if kind == "title":
            doc.add_heading(content, level=0)
        elif kind == "h1":
            doc.add_heading(content, level=1)
        elif kind == "h2":
            doc.add_heading(content, level=2)
        elif kind == "p":
            doc.add_paragraph(content)
        elif kind == "bul":
            doc.add_paragraph(content, style="List Bullet")
        elif kind == "note":
            p = doc.add_paragraph()
            r = p.add_run(content)
            r.italic = True
        elif kind == "t":
            docx_table(doc, content)


# --------------------------------------------------------------------------
# Document 1: Order Form + Data Processing Schedule
# --------------------------------------------------------------------------

DOC1 = [
    ("title", "ORDER FORM No. ODS-UK-2026-0147"),
    ("p", "ClaimSight Subscription Services \u2014 incorporating Schedule 3 (Data Processing Schedule)"),
    ("p", "Dated the date of the last signature below (the \"Signature Date\"), between:"),
    ("n", ("(1)", "ORRIN DATA SYSTEMS B.V., a private limited company incorporated in the Netherlands (Chamber of Commerce number 71840263) whose registered office is at Catharijnesingel 118, 3511 GV Utrecht, the Netherlands (the \"Supplier\"); and")),
    ("n", ("(2)", "KESTREL MUTUAL INSURANCE LIMITED, a company limited by guarantee incorporated in England and Wales (company number 00418822) whose registered office is at Kestrel House, 40 Wellington Street, Leeds LS1 4DL (the \"Customer\").")),
    ("p", "This Order Form is governed by the Supplier's Master Subscription Agreement version 5.2 (the \"MSA\") as amended by the Customer Amendment Rider dated 27 November 2026. In case of conflict, Schedule 3 prevails over this Order Form, which prevails over the Rider and the MSA. Click-through and online terms shall not bind the Customer."),
    ("b", "Key Commercial Terms"),
    ("t", [
        ["Item", "Agreed term"],
        ["Effective Date", "1 December 2026"],
        ["Initial Term", "From the Effective Date until 30 November 2029 (36 months)"],
        ["Renewal", "Automatic renewal for successive periods of 12 months unless either party gives not less than six (6) months' written notice of non-renewal (clause 3.2)"],
        ["Phase 1 Services", "Claims Handler Workbench; Photo Damage Estimation (Gauge); Fraud Triage Score in advisory mode \u2014 motor claims only"],
        ["Target Phase 1 Go-Live Date", "19 April 2027 (supersedes the date of 1 March 2027 stated in draft Order Form v0.4 dated 2 September 2026)"],
        ["Phase 2 Services", "Home claims; LLM Services (letter and claim summary drafting). Target autumn 2027; subject to Change Note (clause 2.4)"],
        ["Hosting region", "AWS eu-west-1 (Ireland); backup copies in AWS eu-central-1 (Frankfurt)"],
        ["Total Contract Value (Initial Term)", "GBP 4,447,600 excluding VAT (see clause 4.1)"],
        ["General liability cap", "150% of Fees paid and payable in the 12 months preceding the event (clause 9.2)"],
        ["Data protection cap", "GBP 5,000,000 in aggregate per Contract Year (clause 9.3)"],
        ["Personal Data Breach notification", "Without undue delay and in any event within 24 hours (Schedule 3, paragraph 6.1)"],
    ]),
    ("b", "1. Definitions and Interpretation"),
    ("n", ("1.1", "Capitalised terms not defined in this Order Form have the meaning given in the MSA. In this Order Form:")),
    ("n", ("1.1(a)", "\"Business Day\" means a day other than a Saturday, Sunday or public holiday in England;")),
    ("n", ("1.1(b)", "\"Claim Closure\" means the date on which a claim is given the status \"Closed\" in the Customer's claims system of record (Guidewire ClaimCenter) and, if a closed claim is re-opened, the date on which it is next closed;")),
    ("n", ("1.1(c)", "\"Customer Data\" means all data, images and metadata submitted to the Services by or for the Customer, and all outputs generated from them;")),
    ("n", ("1.1(d)", "\"Fraud Triage Score\" means the numeric risk indicator and associated reason codes produced by the Supplier's gradient-boosted fraud model trained on Customer historical claims data for the period 1 January 2021 to 31 December 2025;")),
    ("n", ("1.1(e)", "\"Gauge Model\" means the Supplier's proprietary computer-vision damage estimation model, version 2.3 as at the Signature Date,, and any later version approved by the Customer in writing;")),
    ("n", ("1.1(f)", "\"LLM Services\" means the drafting of letters and claim summaries using the Meridian 2 large language model provided by Halvorsen AI Ltd and accessed by the Supplier through Halvorsen's EU-hosted application programming interface;")),
    ("n", ("1.1(g)", "\"Go-Live Date\" means, for each Phase, the date on which the Customer issues a written Go-Live Acceptance Certificate for that Phase;")),
    ("n", ("1.1(h)", "\"Rejected Upload\" means any image or file uploaded through the public upload page or the Customer mobile application which is not linked to a valid claim, or which fails the Supplier's quality, format or malware checks, or which the handler marks as not relevant to the claim;")),
    ("b", "2. Services and Scope"),
    ("n", ("2.1", "The Supplier shall provide the Phase 1 Services from the Phase 1 Go-Live Date for motor claims notified to the Customer by private motor policyholders and third-party claimants in the United Kingdom.")),
    ("n", ("2.2", "The Claims Handler Workbench is licensed for up to 650 named users. Additional users may be ordered in blocks of 50 at the rate in clause 4.1.")),
    ("n", ("2.3", "The following are expressly excluded from the Services under this Order Form: (a) commercial motor and fleet claims; (b) the Supplier's \"AutoSettle\" module and the \"Auto-Decline\" rule set, neither of which is licensed to the Customer; (c) migration of claims closed before 1 January 2021; (d) any on-premises or Customer-hosted deployment; and (e) home claims and the LLM Services, until a Change Note is signed under clause 2.4.")),
    ("n", ("2.4", "The Phase 2 Services shall be provided only if the parties sign a Change Note setting out scope, acceptance criteria and Go-Live Date; the Phase 2 fees in clause 4.1 are indicative until then. The Supplier shall not send any Customer Personal Data to Halvorsen AI Ltd before the Phase 2 Go-Live Date, save synthetic or anonymised test data approved by the Customer's Data Protection Officer.")),
    ("n", ("2.5", "The Supplier shall provide integrations with Guidewire ClaimCenter, Okta, the Customer's customer identity service, Splunk, Experian and the Fixwell Networks Ltd repairer portal, but is not responsible for the availability of those third-party systems.")),
    ("b", "3. Term, Renewal and Termination"),
    ("n", ("3.1", "This Order Form commences on the Effective Date and continues for the Initial Term unless terminated earlier in accordance with the MSA or this clause 3.")),
    ("n", ("3.2", "On expiry of the Initial Term this Order Form shall renew automatically for successive renewal periods of twelve (12) months each, unless either party gives written notice of non-renewal not less than six (6) months before the end of the Initial Term or the then-current renewal period. Clause 12.3 of the MSA (ninety (90) days' notice of non-renewal) shall not apply.")),
    ("n", ("3.3", "The Customer may terminate for convenience on not less than ninety (90) days' written notice expiring on or after 1 December 2027, paying an early termination fee of 50% of the Subscription Fees for the remainder of the then-current Contract Year.")),
    ("n", ("3.4", "If the Phase 1 Go-Live Date has not occurred by 30 June 2027 for reasons attributable to the Supplier, the Customer may terminate on thirty (30) days' notice and the Supplier shall refund all Implementation Fees paid.")),
    ("n", ("3.5", "Either party may terminate on written notice for a material breach not remedied within thirty (30) days of notice. A Persistent Service Level Failure (clause 5.3) and any breach of Schedule 3 paragraphs 4 or 5 are material breaches.")),
    ("b", "4. Fees and Payment"),
    ("n", ("4.1", "The Fees are as follows (all amounts exclude VAT):")),
    ("t", [
        ["Fee element", "Contract Year 1 (Dec 2026\u2013Nov 2027)", "Contract Year 2", "Contract Year 3", "Total"],
        ["Implementation Fees (fixed)", "GBP 385,000", "\u2014", "\u2014", "GBP 385,000"],
        ["Subscription \u2014 Phase 1 Services", "GBP 1,180,000", "GBP 1,215,400", "GBP 1,251,900", "GBP 3,647,300"],
        ["Subscription \u2014 Phase 2 Services (indicative, clause 2.4)", "\u2014", "GBP 204,600", "GBP 210,700", "GBP 415,300"],
        ["Total", "GBP 1,565,000", "GBP 1,420,000", "GBP 1,462,600", "GBP 4,447,600"],
        ["Additional users (per block of 50, per year)", "GBP 41,000", "GBP 42,230", "GBP 43,500", "\u2014"],
    ]),
    ("n", ("4.2", "Invoicing and payment:")),
    ("n", ("4.2(a)", "Subscription Fees are invoiced annually in advance, save that Contract Year 1 fees are invoiced in two equal instalments, on the Effective Date and on the Phase 1 Go-Live Date;")),
    ("n", ("4.2(b)", "Implementation Fees shall be invoiced as to 40% on the Signature Date, 40% on the Phase 1 Go-Live Date and 20% sixty (60) days after the Phase 1 Go-Live Date, provided no Severity 1 defect is then open;")),
    ("n", ("4.2(c)", "invoices are payable within thirty (30) days of receipt of a valid invoice quoting the Customer purchase order number;")),
    ("n", ("4.2(d)", "the Subscription Fees for Contract Years 2 and 3 include an uplift of 3% which shall not be further adjusted for inflation during the Initial Term.")),
    ("n", ("4.3", "If the Phase 1 Go-Live Date does not occur on or before 19 April 2027 for reasons attributable to the Supplier, the Supplier shall credit the Customer GBP 7,500 for each Business Day of delay up to a maximum of GBP 150,000. No delay credits accrue for the period between the original target date of 1 March 2027 and 19 April 2027, which was agreed by the parties.")),
    ("b", "5. Service Levels"),
    ("n", ("5.1", "The Supplier shall meet the service levels in its Standard Service Level Table v3.1, as modified by the following table. Where the table below differs from the Standard Service Level Table, the table below prevails.")),
    ("t", [
        ["Service level", "Standard Table v3.1", "Agreed for the Customer"],
        ["Availability \u2014 Claims Handler Workbench (monthly)", "99.5%", "99.9%, measured 07:00\u201322:00 UK time, 7 days"],
        ["Availability \u2014 public photo upload and mobile API", "99.5%", "99.5%, measured 24x7"],
        ["Severity 1 response", "1 hour", "30 minutes, 24x7"],
        ["Severity 1 resolution or workaround", "8 hours", "4 hours"],
        ["Recovery Point Objective (RPO)", "4 hours", "1 hour"],
        ["Recovery Time Objective (RTO)", "12 hours", "4 hours"],
        ["Gauge estimate turnaround (95th percentile)", "15 minutes", "10 minutes"],
    ]),
    ("n", ("5.2", "Service credits shall be calculated in accordance with the Standard Service Level Table but the total service credits in any month shall not exceed 15% of the monthly Subscription Fees. Service credits are without prejudice to the Customer's other remedies.")),
    ("n", ("5.3", "A \"Persistent Service Level Failure\" occurs if the Supplier fails the same availability service level in any three (3) months within a rolling six (6) month period, or fails the Recovery Time Objective in any real invocation of disaster recovery.")),
    ("b", "6. Decision Support, Models and Human Review"),
    ("n", ("6.1", "The Fraud Triage Score shall be configured in advisory mode only: it is displayed to authorised handlers as a referral indicator with its principal reason codes and shall not of itself cause any claim to be declined, suspended or referred.")),
    ("n", ("6.2", "Neither party shall enable any workflow, rule or configuration by which a claim is declined, or payment is refused or reduced, solely on the basis of the Fraud Triage Score or of a Gauge Model estimate. Every decision to decline, to refuse or reduce payment, or to refer a claim for investigation shall be taken by a handler, and the Supplier shall log for each claim the score displayed, the deciding handler and the time of decision.")),
    ("n", ("6.3", "The Supplier shall provide a model card for each of the Fraud Triage Score model and the Gauge Model before the Phase 1 Go-Live Date, a quarterly performance report (including handler override rates and outcomes by vehicle age band, region and claimant age band), and not less than sixty (60) days' notice of any material model change.")),
    ("n", ("6.4", "Gauge Model estimates are indicative. Any estimate shall be reviewed by a handler or engineer before it is communicated to a claimant or to a repairer through the Fixwell Networks Ltd portal. Any fast-track settlement feature based on Gauge Model estimates is not part of the Phase 1 Services.")),
    ("b", "7. Use of Customer Data for Model Improvement"),
    ("n", ("7.1", "The Supplier shall not use Customer Data, including photographs, to train or improve the Gauge Model or any other model made available to other customers of the Supplier. Clause 8.4 of the MSA (Aggregated Data and Service Improvement) shall not apply to images or to Customer Personal Data.")),
    ("n", ("7.2", "Before the Phase 2 Go-Live Date the Supplier shall procure that Halvorsen AI Ltd has enabled zero data retention for all requests made on behalf of the Customer, such that prompts and outputs are not stored by Halvorsen beyond the time needed to return a response and are not used to train any Halvorsen model. Until this is confirmed in writing, clause 2.4 applies and the LLM Services shall not be used with Customer Personal Data.")),
    ("b", "8. Security"),
    ("n", ("8.1", "The Supplier shall maintain ISO/IEC 27001:2022 certification covering the Services, and shall provide its SOC 2 Type II report annually, throughout the Term.")),
    ("n", ("8.2", "The Supplier shall commission an independent CREST-accredited penetration test of the Services at least once per Contract Year and after any major release, and shall share the full findings with the Customer's CISO within fifteen (15) Business Days.")),
    ("n", ("8.3", "It is a condition precedent to the Phase 1 Go-Live Date that finding NGA-2026-114-H2 (workbench sessions not invalidated on identity provider sign-out) from the Northgate Assurance Ltd penetration test of October 2026 is remediated and confirmed by retest no later than 15 March 2027. Finding NGA-2026-114-H1 (insecure direct object reference on the upload status endpoint) was confirmed remediated on retest on 29 October 2026.")),
    ("b", "9. Liability"),
    ("n", ("9.1", "Nothing in this Order Form or the MSA limits liability for death or personal injury caused by negligence, for fraud, or for any liability which cannot lawfully be limited.")),
    ("n", ("9.2", "Subject to clauses 9.1 and 9.3, each party's total aggregate liability arising in each Contract Year shall not exceed 150% of the Fees paid and payable in the twelve (12) months preceding the event giving rise to the claim.")),
    ("n", ("9.3", "Subject to clause 9.1, the Supplier's total aggregate liability for breach of Schedule 3 or of Data Protection Laws, and for any Personal Data Breach, shall not exceed GBP 5,000,000 in each Contract Year. This cap is separate from and in addition to the cap in clause 9.2. The sum of GBP 3,000,000 in draft Order Form v0.4 is superseded.")),
    ("b", "10. Exit and Data Return"),
    ("n", ("10.1", "On expiry or termination, and on request at any time during the Term, the Supplier shall provide a complete export of Customer Data within thirty (30) days of request: structured data in JSON and CSV with a documented schema, and photographs in their original format with their metadata and claim references. Model outputs, Fraud Triage Scores and audit logs shall be included.")),
    ("n", ("10.2", "Customer Data remains available for retrieval for sixty (60) days after expiry or termination (the \"Retrieval Period\"). The Supplier shall delete all Customer Data within ninety (90) days after the Retrieval Period, including from backups (which expire on a rolling 35-day cycle), and issue a certificate of deletion signed by a director.")),
    ("n", ("10.3", "The Supplier shall provide up to forty (40) person-days of exit assistance at no charge, and further assistance at GBP 1,150 per person-day.")),
    ("b", "11. Notices"),
    ("n", ("11.1", "Notices of breach, termination or non-renewal shall be delivered by hand or recorded delivery, with a copy by email, to the Customer's General Counsel at Kestrel House, Leeds and to the Supplier's Legal Department in Utrecht. Email alone is not sufficient for such notices; operational notices under Schedule 3 may be given by email.")),
    ("b", "12. Governing Law"),
    ("n", ("12.1", "This Order Form and any non-contractual obligations arising out of it are governed by the law of England and Wales, and the courts of England and Wales have exclusive jurisdiction. Clause 19 of the MSA (Dutch law) shall not apply.")),
    ("b", "Signatures"),
    ("t", [
        ["", "For and on behalf of the Supplier", "For and on behalf of the Customer"],
        ["Name", "Maarten Bakker", "Catherine Moore"],
        ["Title", "Chief Executive Officer", "Chief Financial Officer"],
        ["Signature", "[signed electronically]", "[signed electronically]"],
        ["Date", "26 November 2026", "27 November 2026"],
    ]),
    ("pb", None),
    ("title", "SCHEDULE 3 \u2014 DATA PROCESSING SCHEDULE"),
    ("b", "1. Definitions"),
    ("n", ("1.1", "\"Data Protection Laws\" means the UK GDPR, the Data Protection Act 2018, the Privacy and Electronic Communications (EC Directive) Regulations 2003 and, to the extent applicable to the Supplier, Regulation (EU) 2016/679. Other terms have the meanings given in the UK GDPR. \"Security Incident\" means any actual or reasonably suspected unauthorised access to, or loss, alteration, disclosure or destruction of, Customer Data.")),
    ("b", "2. Roles of the Parties"),
    ("n", ("2.1", "The Customer is the Controller and the Supplier is a Processor of Customer Personal Data. The Supplier shall process Customer Personal Data only on the Customer's documented instructions.")),
    ("n", ("2.2", "Experian and Fixwell Networks Ltd are engaged directly by the Customer and are not Sub-processors of the Supplier. The Supplier acts on the Customer's instructions in transmitting data to and receiving data from them.")),
    ("b", "3. Details of Processing"),
    ("t", [
        ["Element", "Description"],
        ["Subject matter and duration", "Provision of the ClaimSight Services for the Term and the Retrieval Period"],
        ["Nature and purpose", "Intake, triage, estimation and handling of insurance claims; fraud risk indication to handlers; secure storage of claim images; Phase 2 only: drafting of letters and claim summaries"],
        ["Data Subjects", "Policyholders; named drivers; third-party claimants and drivers; passengers; witnesses; the Customer's staff; staff of repairers using the Fixwell portal"],
        ["Personal Data", "Contact and identity data, policy and claim references, vehicle data, driving licence details, claim narrative, photographs and video (which may show number plates, faces and location), image metadata including GPS where present, device and IP data, Experian results, Fraud Triage Score and reason codes"],
        ["Special category and criminal offence data", "Health data relating to injuries described in claim narratives; data relating to motoring convictions and suspected fraud"],
        ["Location of processing", "AWS eu-west-1 (Ireland); backups in AWS eu-central-1 (Frankfurt); remote support access as set out in paragraph 4.3"],
    ]),
    ("b", "4. Sub-processors"),
    ("n", ("4.1", "The Customer gives general written authorisation to the Supplier's use of the Sub-processors listed in paragraph 4.3, subject to the conditions stated there. No other Sub-processor may process Customer Personal Data.")),
    ("n", ("4.2", "The Supplier shall give the Customer not less than thirty (30) days' written notice of any intended addition or replacement of a Sub-processor. If the Customer objects on reasonable data protection grounds within that period, the Supplier shall not use the new Sub-processor for Customer Personal Data and, if the parties cannot agree an alternative within sixty (60) days, the Customer may terminate the affected Services without an early termination fee.")),
    ("n", ("4.3", "Authorised Sub-processors:")),
    ("t", [
        ["Sub-processor", "Location of entity", "Activity", "Processing location", "Conditions"],
        ["Amazon Web Services EMEA SARL", "Luxembourg", "Infrastructure hosting, storage, backup", "Ireland (eu-west-1); Germany (eu-central-1) for backups only", "None beyond this Schedule"],
        ["Orrin Data Systems Portugal, Unipessoal Lda", "Lisbon, Portugal", "24x7 service desk and first-line support", "Portugal (remote access to eu-west-1)", "Access via Supplier-managed bastion only"],
        ["Tarang Services Pvt Ltd", "Pune, India", "Second-line application support outside UK business hours", "India (remote access to eu-west-1 via Supplier-managed virtual desktop)", "Support only. No image annotation or labelling of Customer Data. No download or local storage. Access not to begin until the Customer confirms the transfer risk assessment in writing (paragraph 5.3)"],
        ["Halvorsen AI Ltd", "London, United Kingdom", "LLM inference (Meridian 2) for the LLM Services", "EU (Ireland) API endpoint", "Phase 2 only; zero data retention required (clause 7.2 of the Order Form)"],
    ]),
    ("b", "5. International Transfers"),
    ("n", ("5.1", "Transfers of Customer Personal Data to the Supplier in the Netherlands and to processing locations in Ireland, Germany and Portugal are made in reliance on the UK adequacy regulations in respect of the EEA.")),
    ("n", ("5.2", "The Supplier shall not make or permit any Restricted Transfer other than remote access by Tarang Services Pvt Ltd in accordance with paragraph 4.3. For that transfer the Supplier shall enter into the EU Standard Contractual Clauses (Module 3) with Tarang Services Pvt Ltd together with the Addendum, and shall provide a copy to the Customer.")),
    ("n", ("5.3", "The Supplier shall deliver a transfer risk assessment for the Tarang access by 31 January 2027. Until the Customer has confirmed in writing that it is satisfied with the assessment, Tarang Services Pvt Ltd shall not be given access to the Customer's production tenant and the Supplier shall provide second-line support from the Netherlands.")),
    ("b", "6. Security Incidents and Personal Data Breach"),
    ("n", ("6.1", "The Supplier shall notify the Customer without undue delay, and in any event within twenty-four (24) hours, after becoming aware of a Security Incident. Clause 11.2 of the MSA (notification within seventy-two (72) hours) shall not apply.")),
    ("n", ("6.2", "Notification shall be made by telephone to the Customer's Security Operations Centre and by email to soc@kestrelmutual.co.uk and dpo@kestrelmutual.co.uk, stating so far as then known the nature of the incident, the Data Subjects and records concerned, likely consequences and measures taken.")),
    ("n", ("6.3", "The Supplier shall provide written updates at least every twenty-four (24) hours until the incident is contained and a full root cause report within ten (10) Business Days of containment.")),
    ("b", "7. Retention and Deletion"),
    ("n", ("7.1", "The Supplier's default retention period of ten (10) years shall not apply to Customer Data.")),
    ("n", ("7.2", "Photographs, video and other claim images, and data derived from them, shall be retained for seven (7) years after Claim Closure and deleted within thirty (30) days after the end of that period, unless the Customer has placed a legal hold on the claim.")),
    ("n", ("7.3", "Rejected Uploads shall be deleted thirty (30) days after upload. The Supplier shall not retain any copy of a Rejected Upload, including in logs or caches, after that date, save in backups which expire in accordance with paragraph 7.5.")),
    ("n", ("7.4", "Fraud Triage Scores, reason codes and the associated handler decision audit records shall be retained for the same period as the claim to which they relate.")),
    ("n", ("7.5", "Backups shall be retained for no more than thirty-five (35) days. Data deleted from the live environment shall not be restored from backup other than for disaster recovery, and if restored shall be deleted again without delay.")),
    ("b", "8. Audit and Regulatory Access"),
    ("n", ("8.1", "The Customer, its auditors and its regulators (including the PRA and the FCA) may audit the Supplier's compliance with this Schedule: by the Customer, once per Contract Year on thirty (30) days' notice, and at any time following a Personal Data Breach or at a regulator's request. The Customer treats the Services as a material outsourcing arrangement.")),
]


# --------------------------------------------------------------------------
# Document 2: DPIA draft v0.3
# --------------------------------------------------------------------------

DOC2 = [
    ("title", "Data Protection Impact Assessment \u2014 ClaimSight (Claims Transformation Programme)"),
    ("note", "DRAFT v0.3 \u2014 for discussion with the DPO and the programme. Not approved. Do not circulate outside the Claims Transformation programme and Office of the DPO."),
    ("t", [
        ["Field", "Detail"],
        ["DPIA reference", "DPIA-2026-019"],
        ["Processing activity", "ClaimSight claims intake and triage platform (Orrin Data Systems B.V.)"],
        ["Business owner", "Graham Pettit, Chief Claims Officer (SRO)"],
        ["Programme contact", "Aisha Rahman, Programme Director, Claims Transformation"],
        ["Author", "Owen Pritchard, Data Protection Analyst, Office of the DPO"],
        ["Reviewer", "Marta Kowalczyk, Data Protection Officer"],
        ["Version / date", "0.3 / 6 November 2026"],
    ]),
    ("h2", "Version history"),
    ("t", [
        ["Version", "Date", "Author", "Changes"],
        ["0.1", "14 August 2026", "O. Pritchard", "Screening questions; initial scope from programme brief"],
        ["0.2", "22 September 2026", "O. Pritchard", "Data inventory added after design workshop 2; transfers section started"],
        ["0.3", "6 November 2026", "O. Pritchard", "ADM section rewritten after DPO objection (21 Oct); Tarang sub-processor added; pen test summary; retention options"],
    ]),
    ("h1", "1. Purpose and scope"),
    ("p", "This DPIA covers the processing of personal data by Kestrel Mutual Insurance in the ClaimSight platform, which the Claims Transformation programme is introducing to replace the current mix of email intake, the legacy photo inbox and manual triage spreadsheets used by Claims Operations. The screening assessment in v0.1 concluded that a full DPIA is mandatory because the processing involves (i) innovative technology (computer-vision estimation and a large language model), (ii) profiling of claimants to indicate fraud risk, (iii) special category data (injury details) and criminal offence data at scale, and (iv) data about people who are not our customers (third-party drivers, passengers and witnesses)."),
    ("p", "The DPIA covers Phase 1 (motor claims; workbench, photo estimation, fraud triage score) in detail. Phase 2 (home claims and LLM drafting of letters and claim summaries) is covered only at a high level in section 2.2 and will need its own update before Phase 2 design sign-off. This DPIA does not cover the Experian and Fixwell Networks integrations as processing activities in their own right; those are covered by the existing DPIAs DPIA-2022-007 (Experian identity checks) and DPIA-2024-011 (repairer network), which will need a minor review to reflect the new data flows \u2014 TBC with the owners."),
    ("h1", "2. Description of the processing"),
    ("h2", "2.1 Overview"),
    ("p", "ClaimSight is a SaaS platform supplied by Orrin Data Systems B.V., a Dutch company, hosted on AWS in eu-west-1 (Ireland) with backup copies in eu-central-1 (Frankfurt). Claims handlers in Claims Operations (around 540 users at Phase 1, based in Leeds and Sunderland) and Counter Fraud (about 45 users) sign in through Okta. Customers notify a claim by phone, through the Kestrel mobile app, or through the web first notification of loss form. They are then sent a link (by SMS and email) to a public upload page, or prompted in the app, to upload photos of the damage. Customers using the app sign in with Kestrel ID, our own customer identity service; the public upload page does not require sign-in and relies on a single-use link which, per the current design, is valid for 14 days."),
    ("p", "Uploaded photos are processed by Orrin's Gauge model (v2.3) which produces a repair estimate and a damage map. The estimate is shown to the handler alongside the claim data pulled from Guidewire ClaimCenter, which remains the system of record. A fraud triage score is calculated for each motor claim when it is created and again when photos or Experian results are received. The score comes from a gradient-boosted model trained by Orrin on Kestrel's historical motor claims from 2021 to 2025 (approximately 410,000 claims, of which roughly 6,200 were confirmed fraud outcomes). Security events are forwarded to Kestrel's Splunk."),
    ("h2", "2.2 Phasing"),
    ("p", "Phase 1: motor only. Originally due to go live on 1 March 2027; the programme has told us the date is being re-baselined and the likely new date is mid-April 2027 (to be confirmed at Project Board 5). Phase 2: home claims and the LLM features (Meridian 2 from Halvorsen AI Ltd, London, called through Halvorsen's EU-hosted API) planned for autumn 2027. The programme's current position is that no customer data will be sent to Halvorsen before Phase 2. However, the Claims Operations design team has asked whether claim summaries could be switched on for Phase 1. If that happens this DPIA must be updated first; it is not assessed here."),
    ("h2", "2.3 Data flows"),
    ("p", "To be completed after vendor workshop. Orrin have supplied a high-level architecture diagram (Orrin ref. CS-ARCH-0.9) but it does not show support access routes, the Gauge processing pipeline or where thumbnails and rejected uploads are cached. The vendor workshop is scheduled for 12 November 2026. Until then, the flows below are based on the programme's solution outline:"),
    ("bul", "Customer app / public upload page \u2192 ClaimSight upload API (eu-west-1) \u2192 image store \u2192 Gauge \u2192 estimate to workbench."),
    ("bul", "ClaimCenter \u2194 ClaimSight via integration layer (claim, policy, party data; estimate and decision notes written back)."),
    ("bul", "ClaimSight \u2192 Experian (name, address, DOB) \u2192 verification result back; ClaimSight \u2192 Fixwell portal (vehicle, damage, estimate, customer name and phone number)."),
    ("bul", "ClaimSight \u2192 Splunk (security events; should not contain claim content \u2014 to be confirmed)."),
    ("bul", "Orrin support staff (Netherlands, Portugal and, from the latest sub-processor list, Tarang Services in Pune, India) \u2192 remote access to production. Scope of access TBC."),
    ("h1", "3. Data inventory"),
    ("t", [
        ["Data category", "Data subjects", "Source", "Special category / criminal?", "Systems", "Proposed retention"],
        ["Identity and contact (name, address, phone, email, DOB)", "Policyholders, named drivers, third parties, witnesses", "ClaimCenter; customer; Experian", "No", "ClaimSight, ClaimCenter, Experian", "Per claim record (see section 7)"],
        ["Policy and claim references", "Policyholders", "ClaimCenter", "No", "ClaimSight, ClaimCenter", "Per claim record"],
        ["Vehicle data (VRN, VIN, make/model)", "Policyholders, third parties", "Customer; ClaimCenter; DVLA via ClaimCenter", "No", "ClaimSight, Fixwell portal", "Per claim record"],
        ["Photos and video of damage", "Policyholders, third parties, bystanders (incidental faces, plates)", "Customer upload", "Possibly (injuries visible in images)", "ClaimSight image store, Gauge", "TBC \u2014 see section 7"],
        ["Image metadata (EXIF incl. GPS, device)", "Uploader", "Customer upload", "No", "ClaimSight", "TBC \u2014 stripping of GPS under discussion"],
        ["Claim narrative and injury details", "Claimants, passengers", "Customer; handler", "Yes \u2014 health", "ClaimSight, ClaimCenter", "Per claim record"],
        ["Motoring convictions; fraud indicators", "Policyholders, claimants", "ClaimCenter; CUE/IFB via existing processes", "Yes \u2014 criminal offence data", "ClaimSight (model features)", "Per claim record"],
        ["Fraud triage score and reason codes", "Claimants", "Generated by ClaimSight", "Profiling", "ClaimSight; summary written to ClaimCenter notes", "Per claim record"],
        ["Experian verification results", "Policyholders, claimants", "Experian", "No", "ClaimSight", "Per claim record"],
        ["Bank details for settlement", "Claimants", "Customer; handler", "No", "ClaimCenter only (not stored in ClaimSight \u2014 to be verified)", "Per existing ClaimCenter schedule"],
        ["Staff user data and audit logs", "Kestrel staff", "Okta; ClaimSight", "No", "ClaimSight, Splunk", "Orrin 90 days; Splunk 13 months"],
        ["Device/IP data from uploads", "Uploaders", "Upload page, app", "No", "ClaimSight, Splunk", "TBC"],
        ["Historical claims (training data 2021\u20132025)", "Past claimants", "Kestrel data warehouse extract", "Yes (as above)", "Orrin training environment (Kestrel-dedicated)", "TBC \u2014 delete extract after model sign-off?"],
    ]),
    ("h1", "4. Lawful bases and conditions"),
    ("p", "The lawful bases below are the analyst's proposal and have not yet been reviewed by Legal."),
    ("t", [
        ["Purpose", "Article 6 basis", "Article 9 / 10 condition", "Comment"],
        ["Handling policyholder claims", "6(1)(b) contract", "Health: DPA 2018 Sch. 1 para 20 (insurance)", "Existing basis in the claims privacy notice"],
        ["Handling third-party claimant data", "6(1)(f) legitimate interests", "Sch. 1 para 20 (insurance)", "LIA required \u2014 not started"],
        ["Photo damage estimation (Gauge)", "6(1)(b) / 6(1)(f)", "Only if images reveal health data: para 20", "Incidental bystander images: 6(1)(f)"],
        ["Fraud triage score", "6(1)(f) legitimate interests (fraud prevention, recital 47)", "Sch. 1 para 10 (preventing or detecting unlawful acts) and para 14 (preventing fraud)", "APD to be updated; LIA required"],
        ["Model training on historical claims", "6(1)(f)", "As above", "Compatibility assessment for further processing needed (Art. 6(4)) \u2014 TBC"],
        ["LLM drafting (Phase 2)", "TBC", "TBC", "Out of scope of v0.3"],
    ]),
    ("p", "The Appropriate Policy Document required by Schedule 1 Part 4 of the DPA 2018 will need updating to refer to ClaimSight. The customer privacy notice does mention fraud checks and the use of \"automated tools\" but does not mention photo analysis by an external provider or profiling in any specific way. An update to the privacy notice is proposed for publication no later than four weeks before go-live."),
    ("h1", "5. Necessity and proportionality"),
    ("p", "The business case (Claims Transformation Business Case v2.1, approved June 2026) expects average motor claim cycle time to fall from 19 days to 12 days, and triage effort to fall by about 30%. The programme has not presented evidence that the fraud triage score improves on the existing rules-based referral (which refers about 8% of claims). Orrin's validation report on the Kestrel-trained model claims an area under the curve of 0.87 on the 2025 hold-out set; we have asked for precision at the proposed referral threshold and for error rates by age band and region, which have not yet been provided."),
    ("p", "Data minimisation points raised so far: (a) GPS metadata in photos is not needed for estimation and should be stripped on upload unless Counter Fraud can justify keeping it \u2014 Counter Fraud say location data is useful to detect staged photos, so this is open; (b) faces and number plates of bystanders in photos cannot practically be removed before estimation, but blurring in the handler view should be explored \u2014 Orrin say this is on their roadmap, no date given; (c) the training data extract included free-text notes, which Orrin say were not used as features. We have asked for confirmation that they were deleted."),
    ("h1", "6. Automated decision-making and profiling"),
    ("p", "This section was rewritten for v0.3. In v0.2 the design allowed the fraud score to decline claims automatically: claims under \u00a32,000 with a score of 0.92 or above would have been declined without handler review and the customer told to call if they disagreed. This was the configuration agreed at Project Board 4 on 14 October 2026. On 21 October 2026 the DPO advised the SRO in writing that this would be a decision based solely on automated processing producing a legal or similarly significant effect under Article 22 UK GDPR; that none of the exceptions is comfortably available (the contract exception is doubtful because automatic refusal is not necessary to perform the insurance contract, and we have no explicit consent); and that it would also raise Consumer Duty concerns about fair treatment and foreseeable harm."),
    ("p", "The programme has accepted, subject to board confirmation, that the score will be advisory only. Every claim will be decided by a handler, and the score will be shown as a referral indicator with reason codes. For this to be meaningful human involvement rather than a rubber stamp, the following are proposed:"),
    ("bul", "Handlers must record a reason when they refer a claim to Counter Fraud, and may not use \"score\" alone as the reason."),
    ("bul", "Orrin's Auto-Decline rule set must be contractually excluded, not just switched off (Legal have been asked to include this in the Order Form)."),
    ("bul", "Monthly reporting of handler agreement with the score. If handlers agree with the score in more than about 95% of high-score cases, that would suggest automation bias, and the Counter Fraud quality team should sample those cases."),
    ("bul", "Training for handlers on what the score does and does not mean (it is a probability-like ranking, not a finding of fraud)."),
    ("p", "The Gauge estimate raises a similar but smaller issue. In Phase 1 all estimates are reviewed by a handler before being shared with the customer or with Fixwell. Claims Operations have proposed a \"fast-track\" offer for estimates under \u00a31,000 where the customer could accept a cash settlement in the app without handler review. If that goes ahead it would probably be a solely automated decision (though arguably one in the customer's favour, since they can decline the offer and ask for a handler). Position: not assessed; the programme says fast-track is not planned for Phase 1. TBC."),
    ("p", "Even with the score advisory only, the processing is profiling and people have the right to object under Article 21. We need to decide how handlers deal with an objection to the fraud score. Proposed answer: we carry on on the basis of compelling legitimate grounds (fraud prevention) but record the objection. To be agreed with the DPO."),
    ("h1", "7. Retention"),
    ("p", "This is unresolved. Orrin's default retention for images and derived data is 10 years from upload, which is their product default for all insurance customers. Kestrel's records retention schedule (RS-CL-04, motor claims) gives 6 years after claim closure for claims without personal injury, and 15 years for claims with personal injury or involving a minor. The schedule does not deal separately with photographs. Claims Operations say they rarely need photos after 2\u20133 years, while Legal say photos are evidence in disputed claims and litigation can run beyond 6 years when a claimant is a child or when a claim is re-opened."),
    ("p", "Options put to the programme:"),
    ("bul", "Option A \u2014 6 years after closure (aligned to RS-CL-04 for non-PI claims). Preferred by the DPO's office."),
    ("bul", "Option B \u2014 7 years after closure for all motor claim images, with legal hold for PI claims and litigation. Simpler for Orrin to configure (one rule), proposed by Legal."),
    ("bul", "Option C \u2014 Orrin default 10 years. Not acceptable; no justification offered beyond product standardisation."),
    ("p", "Rejected uploads (wrong claim, unreadable, fail malware check, not relevant) are currently kept by Orrin for 90 days. We propose 30 days. We also need to confirm how long backups in Frankfurt are kept (Orrin said \"about a month\" at workshop 2) and whether deletion from the live store is reflected in backups within that period."),
    ("p", "Decision expected at Project Board 5 in November 2026. This section to be updated afterwards."),
    ("h1", "8. International transfers"),
    ("p", "AWS hosting in Ireland and Frankfurt and Orrin's own staff in the Netherlands and Portugal are covered by the UK adequacy regulations for the EEA. Halvorsen AI Ltd is a UK company using an EU endpoint; no restricted transfer on the current information, but we need to confirm whether Halvorsen's cloud provider or its abuse-monitoring staff are outside the UK/EEA. Halvorsen's standard terms allow them to keep prompts and outputs for 30 days for abuse monitoring unless zero data retention is enabled. Phase 2 item."),
    ("p", "Tarang Services Pvt Ltd, Pune, India. This sub-processor was disclosed by Orrin on 9 October 2026, late in the contract negotiation, in a revised sub-processor list. Orrin describe Tarang's role as \"image annotation and follow-the-sun L2 support\". India has no UK adequacy regulations, so any access from India to Kestrel personal data would be a restricted transfer needing the IDTA or the Addendum and a transfer risk assessment. Points still to be clarified:"),
    ("bul", "Does Tarang annotate Kestrel customer photos, or only images from other Orrin customers or public data sets used to build Gauge? Orrin's first answer was that annotation is \"product-wide\"."),
    ("bul", "What can Tarang support staff see: full claim records, images, or pseudonymised tickets only?"),
    ("bul", "Whether Tarang staff are vetted to a standard equivalent to BS 7858."),
    ("p", "Transfer risk assessment: To be completed after vendor workshop. The DPO's provisional view is that support access might be acceptable with strong controls (virtual desktop, no download, logging to Splunk), but that annotation of Kestrel images by Tarang is not acceptable."),
    ("h1", "9. Consultation"),
    ("p", "Consulted so far: Claims Operations (design workshops 1 and 2), Counter Fraud, Information Security (CISO's office), Legal, Orrin (workshop 2, 3 September 2026). Not yet consulted: the Customer Panel (TBC, possibly in January 2027), Internal Audit, the claims complaints team. We do not currently plan to consult the ICO, on the basis that the residual risks can be reduced to an acceptable level. This will be reassessed if the high risks below cannot be reduced."),
    ("h1", "10. Security"),
    ("p", "Summary from the CISO's office (not a full security assessment; see the Third-Party Security Assessment, TPSA-2026-044). Orrin hold ISO 27001 and a SOC 2 Type II report (period to 30 June 2026). A CREST penetration test by Northgate Assurance in October 2026 found two high-severity issues. H1, a flaw that could let someone holding one upload link see the upload status and thumbnails for other uploads by changing the reference, has been fixed and retested. H2, workbench sessions staying valid after the user signs out of Okta, is still open. Orrin have said a fix is planned for their January release. The CISO's position is that H2 must be fixed before go-live."),
    ("p", "The draft contract (v0.4, 2 September 2026) requires Orrin to notify us of a personal data breach within 48 hours. Orrin's standard terms say 72 hours. Given our own 72-hour deadline to notify the ICO, 48 hours leaves us very little time, and we have asked Legal to push for 24 hours. Status of negotiation: unknown to the author at the time of writing."),
    ("h1", "11. Risk assessment"),
    ("p", "Ratings use the Kestrel enterprise risk matrix (likelihood 1\u20135 \u00d7 impact 1\u20135; 15 and above High, 8\u201314 Medium, below 8 Low). Residual ratings assume that the proposed mitigations are in place; several are not yet agreed."),
    ("t", [
        ["ID", "Risk", "L", "I", "Inherent", "Mitigation (proposed / agreed)", "Residual"],
        ["R1", "Claims declined solely by automated fraud score (Art. 22 breach; unfair outcomes)", "4", "5", "20 High", "Score advisory only; Auto-Decline excluded in contract; handler reason mandatory (proposed)", "6 Low"],
        ["R2", "Automation bias: handlers follow score without real review", "4", "4", "16 High", "Override monitoring; training; QA sampling (proposed)", "9 Medium"],
        ["R3", "Model bias against groups (age, region) leading to unfair referrals", "3", "4", "12 Medium", "Bias metrics in quarterly report; no protected characteristics as features (to be verified)", "8 Medium"],
        ["R4", "Restricted transfer to India without adequate safeguards (Tarang)", "4", "4", "16 High", "Support-only; VDI; Addendum; TRA (not started)", "TBC"],
        ["R5", "Photos kept longer than necessary (10-year vendor default)", "5", "3", "15 High", "Contractual retention per section 7 (under negotiation)", "6 Low"],
        ["R6", "Unauthorised access to other claimants' photos via upload links", "3", "4", "12 Medium", "H1 fixed; link expiry; rate limiting", "4 Low"],
        ["R7", "Staff session hijack after sign-out (pen test H2)", "3", "4", "12 Medium", "Fix planned Jan 2027; go-live blocked until retested", "TBC"],
        ["R8", "Vendor uses Kestrel photos to improve Gauge for other customers", "3", "3", "9 Medium", "Contract prohibition (requested)", "3 Low"],
        ["R9", "Bystander faces/plates and GPS metadata held without need", "5", "2", "10 Medium", "GPS stripping (open); blurring in handler view (roadmap)", "8 Medium"],
        ["R10", "Late breach notification from vendor causes missed ICO deadline", "3", "4", "12 Medium", "24-hour notification clause (requested)", "6 Low"],
        ["R11", "Transparency: customers not told about photo analysis and profiling", "4", "3", "12 Medium", "Privacy notice update; in-app notice at upload", "4 Low"],
        ["R12", "LLM outputs contain inaccurate or inappropriate content in customer letters", "\u2014", "\u2014", "Not rated", "Phase 2 \u2014 to be assessed", "\u2014"],
    ]),
    ("h1", "12. Outstanding items"),
    ("bul", "Data flow diagram including support access \u2014 after vendor workshop (12 November)."),
    ("bul", "Transfer risk assessment for Tarang \u2014 Orrin to provide information; O. Pritchard to draft."),
    ("bul", "Legitimate interests assessments for third-party data and fraud score \u2014 not started."),
    ("bul", "Retention decision \u2014 Project Board 5."),
    ("bul", "Confirmation that the training data extract (including free text) has been deleted or will be deleted, and by when."),
    ("bul", "Breach notification timescale in contract \u2014 Legal."),
    ("bul", "Model card, precision at threshold and bias metrics from Orrin."),
    ("bul", "Update APD and privacy notice \u2014 no later than four weeks before go-live."),
    ("h1", "13. DPO advice and sign-off"),
    ("p", "DPO advice: to be added when v1.0 is submitted."),
    ("t", [
        ["Role", "Name", "Decision (approve / approve with conditions / reject)", "Signature", "Date"],
        ["Data Protection Officer", "", "", "", ""],
        ["Senior Responsible Owner", "", "", "", ""],
        ["Chief Information Security Officer", "", "", "", ""],
        ["Information Asset Owner (Claims)", "", "", "", ""],
    ]),
]


# --------------------------------------------------------------------------
# Document 3: Security questionnaire response (Orrin)
# --------------------------------------------------------------------------

DOC3_INTRO = [
    "Orrin Data Systems B.V. \u2014 Response to Kestrel Mutual Insurance Third-Party Security Assessment Questionnaire (TPSQ v4.2)",
    "Product in scope: ClaimSight (Workbench, Gauge Photo Estimation, Fraud Triage, Assist LLM module). Response version 1.1, 2 November 2026 (v1.0 issued 25 September 2026; v1.1 updates sections E and G following the October 2026 penetration test). Prepared by Sanne de Vries, Head of Security & Compliance, Orrin Data Systems B.V. Reviewed by Ruben Visser, Chief Technology Officer.",
    "Orrin takes the security of our insurance customers' data extremely seriously. ClaimSight was designed from day one as a multi-tenant cloud platform with strong tenant isolation, and it is already used in production by eleven insurers in five European countries. The answers below describe the ClaimSight platform as it operates today for all customers, together with the configuration planned for Kestrel Mutual, whose Phase 1 go-live is planned for 1 March 2027. Where a control is specific to Kestrel's configuration this is stated. Supporting documents marked \"available on request\" can be shared under NDA through our trust portal; documents marked \"provided\" were uploaded to Kestrel's supplier portal with v1.0.",
    "Answer key: Yes = control fully in place; Partially = in place with limitations described; No = not in place; N/A = not applicable to the ClaimSight service; Planned = on roadmap with target date.",
]

DOC3_SECTIONS = [
    ("A. Governance, certification and assurance", [
        ["A1", "Do you hold a current ISO/IEC 27001 certification covering the service in scope?", "Yes", "ISO/IEC 27001:2022, certificate IS 781204 issued by BSI, valid until 11 March 2028. Scope covers design, development and operation of ClaimSight, including the Utrecht and Lisbon offices. Certificate provided."],
        ["A2", "Provide your most recent SOC 2 Type II report.", "Yes", "SOC 2 Type II (Security, Availability, Confidentiality) for the period 1 July 2025 \u2013 30 June 2026, issued by an independent CPA firm. Two exceptions noted, both relating to evidence of quarterly access reviews; remediated. Report available on request under NDA."],
        ["A3", "Do you hold Cyber Essentials or Cyber Essentials Plus?", "No", "Orrin is a Netherlands-based company and has not pursued the UK scheme. We consider ISO 27001 and SOC 2 to provide equivalent or better assurance."],
        ["A4", "Is there a named individual accountable for information security at board level?", "Yes", "Chief Technology Officer (Ruben Visser) is accountable at management board level; Head of Security & Compliance reports to the CTO and attends the quarterly Risk Committee."],
        ["A5", "Do you have a documented information security policy, reviewed at least annually?", "Yes", "Information Security Policy v7.0, last reviewed April 2026. Table of contents provided; full policy available on request."],
        ["A6", "How many employees and contractors do you have, and are all subject to background screening?", "Partially", "Approx. 210 employees. All employees screened (identity, right to work, references, criminal record where lawful under local law). Contractors and sub-processor staff are screened by their employer to contractual standards; Orrin does not screen them directly."],
        ["A7", "Do staff complete security and data protection training annually?", "Yes", "Mandatory on joining and annually; completion 97% for 2025\u201326. Phishing simulations quarterly."],
        ["A8", "Do you carry cyber insurance?", "Yes", "Cyber and technology errors & omissions cover of EUR 10 million aggregate. Certificate of insurance available on request."],
    ]),
    ("B. Data location and sub-processors", [
        ["B1", "In which countries is customer data stored and processed?", "Yes", "Primary hosting AWS eu-west-1 (Ireland). Encrypted backup copies replicated to AWS eu-central-1 (Frankfurt). No customer data is stored outside the EEA. Support access may be provided remotely from the Netherlands, Portugal and India (see B3)."],
        ["B2", "Will customer data be stored or processed in a single-tenant or multi-tenant environment?", "Yes", "Multi-tenant application with logically separated tenant data stores and per-tenant encryption keys. Kestrel will additionally have a dedicated training environment for the fraud model."],
        ["B3", "List all sub-processors with access to customer data, their location and role.", "Yes", "Amazon Web Services EMEA SARL (hosting, Ireland/Germany); Orrin Data Systems Portugal Unipessoal Lda (24x7 service desk, Lisbon); Tarang Services Pvt Ltd (image annotation and follow-the-sun L2 support, Pune, India); Halvorsen AI Ltd (LLM inference, EU endpoint) \u2014 Assist module only; Functional Software Inc. (Sentry; application error monitoring, USA) \u2014 error payloads are scrubbed of personal data before transmission. Full list on our trust portal."],
        ["B4", "What safeguards apply to transfers outside the UK/EEA?", "Yes", "EU Standard Contractual Clauses (Module 3) with Tarang Services and with Functional Software Inc.; UK Addendum can be put in place on customer request. Functional Software Inc. participates in the EU-US Data Privacy Framework."],
        ["B5", "Does any sub-processor perform labelling or annotation of customer images?", "Partially", "Tarang performs annotation for Gauge model development. Annotation uses licensed datasets and images from customers who have opted in to the ClaimSight Model Improvement Programme. Customers who do not opt in are excluded. Kestrel's opt-in status is subject to contract."],
        ["B6", "Will you give advance notice of changes to sub-processors?", "Yes", "30 days' notice via the trust portal subscription service and email to the customer's nominated contact."],
        ["B7", "Are any customer data or metadata used to improve your products or models?", "Partially", "Under our standard terms (MSA clause 8.4) Orrin may use aggregated and de-identified data derived from service usage to improve ClaimSight. Customer images are only used for Gauge training where the customer has opted in (see B5)."],
    ]),
    ("C. Identity and access management", [
        ["C1", "Does the service support SSO via SAML 2.0 or OIDC with the customer's identity provider?", "Yes", "SAML 2.0 and OIDC. Kestrel workbench users will sign in via Kestrel's Okta tenant. Local accounts are disabled for customer tenants once SSO is configured, except one break-glass account held by the customer."],
        ["C2", "Is MFA enforced for all user access?", "Partially", "For customer staff, MFA is enforced by the customer IdP (Okta) and is the customer's responsibility. For Orrin staff, MFA (FIDO2 hardware keys) is enforced for all administrative and production access. End customers (claimants) using the public upload page do not authenticate; access is via a single-use, time-limited link."],
        ["C3", "How is end-customer (claimant) access to the upload function controlled?", "Yes", "Mobile app users authenticate via the insurer's own customer identity service (Kestrel ID) using OIDC. Public web uploads use a signed, random 128-bit token per claim, default validity 14 days, configurable by the customer between 1 and 30 days. Rate limiting applies."],
        ["C4", "Is privileged access to production managed, logged and reviewed?", "Yes", "Just-in-time privileged access through a bastion with session recording; approval by a second engineer required; sessions limited to 4 hours. Reviewed monthly."],
        ["C5", "How quickly is access removed for leavers?", "Yes", "Within 24 hours for Orrin staff (automated from HR system). Customer users are de-provisioned via SCIM from Okta; if SCIM is not enabled, this is the customer's responsibility."],
        ["C6", "Are user sessions terminated when the user signs out of the identity provider?", "Partially", "Sessions time out after 30 minutes of inactivity and have a maximum lifetime of 12 hours. Single logout (SLO) propagation from the IdP is being implemented; see E4."],
        ["C7", "Can support staff access customer data without customer approval?", "Partially", "L1 and L2 support work from tickets and cannot view claim content by default. Where access to claim content is needed to resolve an incident, it is logged and can be restricted to customer-approved access on request (\"Customer Lockbox\", planned for Q2 2027)."],
    ]),
    ("D. Encryption and key management", [
        ["D1", "Is data encrypted in transit?", "Yes", "TLS 1.2 minimum, TLS 1.3 preferred, on all external endpoints; HSTS enabled. Internal service-to-service traffic uses mTLS."],
        ["D2", "Is data encrypted at rest?", "Yes", "AES-256 via AWS KMS for databases, object storage (images) and backups."],
        ["D3", "Are customer-specific encryption keys used? Is bring-your-own-key (BYOK) supported?", "Partially", "Per-tenant KMS keys managed by Orrin. BYOK / customer-managed keys via AWS KMS external key store planned for Q2 2027."],
        ["D4", "How often are keys rotated?", "Yes", "Automatic annual rotation of KMS keys; TLS certificates renewed every 90 days."],
    ]),
    ("E. Application security and testing", [
        ["E1", "Do you follow a secure development lifecycle?", "Yes", "OWASP SAMM-aligned SDLC; threat modelling for new features; mandatory peer review; SAST and dependency scanning on every merge; DAST weekly against staging."],
        ["E2", "Is independent penetration testing carried out at least annually? Provide the latest summary.", "Yes", "Annual CREST-accredited test plus tests after major releases. Most recent: Northgate Assurance Ltd, 5\u201316 October 2026, scoped to the ClaimSight workbench, upload API, mobile API and Kestrel integration endpoints. Findings: 0 critical, 2 high, 5 medium, 7 low, 4 informational. Executive summary provided; full report available on request to Kestrel's CISO."],
        ["E3", "What is the status of high and critical findings from the latest test?", "Partially", "H1 (insecure direct object reference on upload status endpoint): fixed in release 4.7.2 and confirmed closed on retest 29 October 2026. H2 (workbench session not invalidated on IdP sign-out): open; compensating control of 30-minute idle timeout in place; see E4. Medium findings: 3 fixed, 2 scheduled for release 4.8."],
        ["E4", "Provide the remediation plan for any open high-severity finding.", "Planned", "SLO support (SAML Single Logout and OIDC back-channel logout) is being delivered in release 4.8, planned for Q1 2027. Orrin's risk assessment rates the residual risk as Medium given the idle timeout and the requirement for an attacker to first obtain a session token."],
        ["E5", "What are your remediation timescales for vulnerabilities?", "Yes", "Critical: 7 days; High: 30 days; Medium: 90 days; Low: next scheduled release. Timescales measured from validation."],
        ["E6", "Is the public upload page protected against malicious files?", "Yes", "File type allow-list (JPEG, PNG, HEIC, MP4), size limit 25 MB per file, malware scanning of all uploads before they reach the image store, EXIF parsing in sandbox. Rejected files are quarantined."],
        ["E7", "Is a web application firewall and DDoS protection in place?", "Yes", "AWS WAF with managed rule sets and custom rules; AWS Shield Standard. Shield Advanced is not currently used."],
    ]),
    ("F. Logging and monitoring", [
        ["F1", "Are security events logged centrally and monitored 24x7?", "Yes", "Central SIEM monitored 24x7 by Orrin's security operations function, with an external MDR partner out of hours."],
        ["F2", "Can security logs be forwarded to the customer's SIEM?", "Yes", "Forwarding to Splunk via HTTP Event Collector is supported and will be configured for Kestrel. Events include authentication, administrative actions, data exports, bulk access and API errors. Typical latency under 5 minutes."],
        ["F3", "How long are logs retained?", "Yes", "Security and audit logs 90 days online and 12 months in archive. Application audit trail (who viewed or changed a claim) retained for the life of the customer data."],
        ["F4", "Do logs contain personal data?", "Partially", "Audit logs contain user identifiers, claim references and IP addresses. Claim content and images are not written to logs. Error reports sent to Sentry are scrubbed using server-side data scrubbing rules."],
    ]),
    ("G. Incident management and breach notification", [
        ["G1", "Do you have a documented incident response plan, tested at least annually?", "Yes", "Incident Response Plan v4.1; tabletop exercise held 18 June 2026, including a ransomware scenario. Summary available on request."],
        ["G2", "Within what time will you notify the customer of a personal data breach or security incident affecting their data?", "Yes", "Without undue delay and within 72 hours of confirmation of a personal data breach, in line with our standard DPA. Orrin aims to give an initial heads-up much sooner where possible. Shorter contractual timescales are under discussion with Kestrel as part of contract negotiation."],
        ["G3", "Have you suffered any personal data breach reportable to a supervisory authority in the last 36 months?", "No", "No breaches reportable to the Autoriteit Persoonsgegevens or any other authority."],
        ["G4", "Will you support customer forensic investigations?", "Yes", "Log extracts and relevant forensic artefacts will be provided. On-site access to AWS infrastructure is N/A."],
    ]),
    ("H. Business continuity and disaster recovery", [
        ["H1", "What are your RPO and RTO for the service?", "Yes", "Platform standard: RPO 4 hours, RTO 12 hours. In practice the database uses continuous backup with point-in-time recovery (RPO approx. 15 minutes within region); image store replication to Frankfurt runs every 4 hours. Enhanced targets are available as a chargeable option."],
        ["H2", "Is the service deployed across multiple availability zones?", "Yes", "All production services run across three availability zones in eu-west-1."],
        ["H3", "Is cross-region recovery possible if eu-west-1 is unavailable?", "Partially", "Backups are held in eu-central-1 and a documented procedure exists to rebuild the platform in Frankfurt. Full cross-region recovery has been tested once (May 2026, 9 hours 40 minutes to restore a reference tenant). Warm standby in eu-central-1 is not offered."],
        ["H4", "How long are backups retained?", "Yes", "35 days, rolling."],
        ["H5", "When was the BCP/DR plan last tested?", "Yes", "14 May 2026 (cross-region restore) and 2 September 2026 (AZ failover). Reports available on request."],
    ]),
    ("I. AI and machine-learning components", [
        ["I1", "Describe the AI/ML components and where they run.", "Yes", "Gauge v2.3 (computer vision damage estimation, developed by Orrin, runs in eu-west-1); Fraud Triage (gradient-boosted model, trained per customer on the customer's own historical data, runs in eu-west-1); Assist (drafting of letters and summaries using Halvorsen Meridian 2 via Halvorsen's EU-hosted API)."],
        ["I2", "Can AI outputs lead to decisions without human review?", "N/A", "ClaimSight is configurable. Customers may choose to enable Auto-Decline or AutoSettle rules; this is a customer configuration decision. For Kestrel, the fraud score will be configured in advisory mode."],
        ["I3", "Do you provide model documentation, performance and bias monitoring?", "Partially", "Model cards are available for Gauge. A model card for each customer's fraud model is produced at model sign-off. Standard monitoring includes drift and accuracy; fairness metrics by segment are available as a professional services engagement."],
        ["I4", "Does the LLM provider retain or train on prompts?", "Partially", "Halvorsen's standard API terms provide for retention of inputs and outputs for up to 30 days for abuse monitoring and no training on API data. Zero data retention is available to Orrin and can be enabled per customer; this will be confirmed before Kestrel uses Assist."],
        ["I5", "How are model changes controlled?", "Yes", "Models are versioned; new Gauge versions are released to all customers after internal validation, with 30 days' notice in release notes. Customers may request to remain on the previous version for up to 90 days."],
    ]),
    ("J. Privacy and data retention", [
        ["J1", "What is the default retention period for customer data and images?", "Yes", "Default retention is 10 years from upload, reflecting the longest typical insurance requirement across our customer base. Retention is configurable per customer at tenant level."],
        ["J2", "How are rejected or unlinked uploads handled?", "Yes", "Quarantined and deleted automatically after 90 days by default (configurable)."],
        ["J3", "Can you support data subject access and erasure requests?", "Yes", "Admin tools allow search by claim, party or policy reference and export of all related data and images. Erasure of individual records is supported subject to legal hold."],
        ["J4", "Is image metadata (e.g. GPS location) retained?", "Yes", "EXIF metadata including GPS is retained by default as it supports fraud detection. Customers can configure GPS stripping on upload."],
        ["J5", "Do you have a Data Protection Officer?", "Yes", "External DPO appointed under Article 37 GDPR; contact privacy@orrindata.nl."],
    ]),
    ("K. Exit and data return", [
        ["K1", "How will customer data be returned at the end of the contract?", "Yes", "Full export in JSON/CSV and images in original format within 30 days of request. Export tooling is self-service for structured data."],
        ["K2", "How and when will data be deleted after termination?", "Yes", "Live data deleted within 90 days of contract end; backups expire within a further 35 days. Certificate of deletion provided on request."],
        ["K3", "Is there a charge for exit assistance?", "Partially", "Standard export is free. Additional assistance is charged at the professional services rate card."],
    ]),
]

DOC3_CLOSING = [
    "Declaration: the answers above are accurate to the best of Orrin's knowledge as at 2 November 2026 and describe the ClaimSight platform generally, together with the planned configuration for Kestrel Mutual. Answers do not amend the Master Subscription Agreement or any Order Form; contractual commitments are set out only in the signed contract documents.",
    "Signed: Sanne de Vries, Head of Security & Compliance, Orrin Data Systems B.V.",
]


# --------------------------------------------------------------------------
# Document 4: Project board minutes, meeting 5
# --------------------------------------------------------------------------

DOC4_HEADER = [
    ("title", "Claims Transformation Programme \u2014 Project Board"),
    ("sub", "Minutes of Meeting 5"),
    ("p", "<b>Date:</b> Wednesday 18 November 2026, 10:00\u201312:20<br/><b>Location:</b> Room 4.02, Kestrel House, Leeds, and Microsoft Teams<br/><b>Chair:</b> Graham Pettit, Chief Claims Officer (SRO)<br/><b>Minutes:</b> Beth Carver, PMO Analyst<br/><b>Status:</b> Approved by the Chair 24 November 2026, subject to correction at Meeting 6"),
]

DOC4_ATTENDEES = [
    ["Name", "Role", "Attendance"],
    ["Graham Pettit", "Chief Claims Officer; SRO (Chair)", "Present"],
    ["Aisha Rahman", "Programme Director, Claims Transformation", "Present"],
    ["Marta Kowalczyk", "Data Protection Officer", "Present"],
    ["Lewis Brandt", "Chief Information Security Officer", "Present (Teams, left after item 7)"],
    ["Priya Nandakumar", "Head of Claims Operations", "Present"],
    ["Sian Hughes", "Deputy Head of Counter Fraud (for Daniel Moss)", "Present"],
    ["Tom Ashworth", "Category Manager, Technology Procurement", "Present"],
    ["Ruth Delaney", "Senior Commercial Counsel", "Present (items 3\u20135)"],
    ["Helen Okafor", "Finance Business Partner, Claims", "Present (Teams)"],
    ["Joost van Leeuwen", "Engagement Manager, Orrin Data Systems", "Items 4, 6 and 7 only"],
    ["Daniel Moss", "Head of Counter Fraud", "Apologies"],
    ["Owen Pritchard", "Data Protection Analyst", "In attendance (item 5)"],
]

DOC4_BODY = [
    ("h", "1. Welcome, apologies and declarations"),
    ("p", "GP welcomed members. Apologies from Daniel Moss; Sian Hughes attending as deputy with delegated authority for Counter Fraud. No declarations of interest. GP noted that the meeting was quorate and that the Orrin representative would attend for items 4, 6 and 7 only, because item 5 included Kestrel's negotiating position."),
    ("h", "2. Minutes of Meeting 4 (14 October 2026) and matters arising"),
    ("p", "The minutes of Meeting 4 were approved with one correction: decision D4.5 should read \"retain customer photos for 6 years after claim closure\" and not \"6 years after upload\". Matters arising were taken under the relevant items. MK asked that the minutes record that decision D4.3 (automatic decline of low-value claims with a high fraud score) had been taken before the DPO's advice was available and that she had not been present at Meeting 4. GP agreed."),
    ("h", "3. Programme status and re-baseline"),
    ("p", "AR presented the re-baseline paper (CTP-PB5-03). The original Phase 1 go-live of 1 March 2027 is no longer achievable. The main causes were: the late disclosure of the Tarang sub-processor, which added about five weeks to contract negotiation; the redesign of the fraud triage workflow to make the score advisory (item 5); and the penetration test finding H2, which must be fixed by Orrin and retested before go-live. AR proposed a new Phase 1 go-live date of 19 April 2027, with business readiness sign-off on 6 April 2027 and a two-week hypercare period. Go-live on a Monday was preferred by Claims Operations; 19 April 2027 is a Monday."),
    ("p", "AR noted that the critical path now runs through Orrin release 4.8 (which contains the H2 fix), planned by Orrin for 25 January 2027, then the retest by Northgate Assurance, then four weeks of end-to-end testing with ClaimCenter. There is about two weeks of float. If release 4.8 slips beyond 8 February 2027 the April date is at risk."),
    ("p", "HO reported the financial effect. The approved programme budget is \u00a36.2m. The forecast outturn after re-baseline is \u00a36.74m, an increase of \u00a3540k, made up of about \u00a3410k of extended internal and contractor costs for seven weeks and \u00a3130k of additional testing and training. The Orrin implementation fee (\u00a3385k) is fixed and does not change. Benefits of roughly \u00a3310k per month are deferred by seven weeks. HO said the increase is above the SRO's tolerance of 5% and needs Executive Committee approval."),
    ("p", "PN asked whether the date could be held at 1 March 2027 by going live without the fraud score and adding it later. AR said this had been considered but the workbench configuration is built around the triage queue and removing the score would mean a separate release, testing twice, and a second training wave for about 540 handlers. LB added that it would make no difference to the date because the H2 fix is on the critical path whatever is in scope."),
    ("p", "<b>Decision D5.1:</b> The Board approved the re-baseline of Phase 1 go-live from 1 March 2027 to 19 April 2027, subject to ratification of the budget increase by the Executive Committee on 2 December 2026. Phase 2 remains planned for autumn 2027; no date will be set until the Phase 2 Change Note is agreed."),
    ("h", "4. Contract status (Orrin joined)"),
    ("p", "TA reported that the Order Form and Data Processing Schedule are substantially agreed and are expected to be signed by 27 November 2026, with an Effective Date of 1 December 2026. Main points agreed since Meeting 4:"),
    ("bul", "Personal data breach notification within 24 hours (Orrin's standard is 72 hours; Kestrel's draft of 2 September 2026 had 48 hours; the DPO's office had asked for 24 hours)."),
    ("bul", "Data protection liability cap increased from \u00a33m to \u00a35m per contract year; general cap 150% of annual fees."),
    ("bul", "Non-renewal notice of six months (Orrin's MSA has 90 days). TA noted that the earlier board paper (CTP-PB4-04) said 90 days for both parties; that is now superseded."),
    ("bul", "Total contract value of \u00a34.45m over three years. This includes \u00a3415k of indicative Phase 2 fees which are only payable if the Phase 2 Change Note is signed. Earlier papers quoted \u00a34.3m, which excluded the Year 3 uplift."),
    ("bul", "Workbench availability of 99.9% between 07:00 and 22:00; RPO 1 hour; RTO 4 hours. Orrin's standard RPO/RTO is 4/12 hours."),
    ("bul", "Delay credits of \u00a37,500 per business day after 19 April 2027, capped at \u00a3150k, where the delay is Orrin's fault."),
    ("p", "JvL confirmed Orrin's acceptance of these points. He asked whether Kestrel would reconsider joining the ClaimSight Model Improvement Programme, under which Kestrel photos, with faces and plates blurred, would be used to improve Gauge, in exchange for a 4% discount on subscription fees. MK said no: the DPIA did not cover it, customers had not been told, and it would mean Tarang annotating Kestrel images in India. GP agreed that it was not on the table for Phase 1. RD confirmed that the Order Form will say that Orrin cannot use Kestrel data to improve Gauge or any model offered to other customers."),
    ("p", "LB asked JvL to confirm that Sentry, which appears in Orrin's security questionnaire response as a US-based error monitoring service, is on the sub-processor list. JvL said Sentry only receives scrubbed error data and Orrin does not treat it as a sub-processor. LB and MK did not accept this without evidence that no personal data is sent. The point is not resolved (action A5.6). RD noted that the draft Order Form sub-processor table does not list Sentry, so as drafted Orrin may not send it any Kestrel personal data."),
    ("h", "5. Fraud triage score: automated decisions (Orrin left)"),
    ("p", "MK summarised her advice of 21 October 2026 to the SRO. Decision D4.3 from Meeting 4, to let the fraud score automatically decline claims under \u00a32,000 with a score of 0.92 or more, would in her view be a solely automated decision with a similarly significant effect under Article 22 UK GDPR. None of the exceptions clearly applies. It also conflicts with Kestrel's Consumer Duty commitments, because a legitimate customer wrongly declined would have to find out how to challenge the decision. She asked the Board to reverse D4.3."),
    ("p", "SH said Counter Fraud had supported auto-decline because of the volume of low-value opportunistic claims. The 2025 data suggested about 1,900 claims a year would have met the threshold, of which Orrin's back-testing indicated around 80% were confirmed or strongly suspected fraud. MK pointed out that this means about 380 genuine claims a year would have been refused without anyone looking at them."),
    ("p", "PN objected that the advisory-only model moves work onto handlers. Her estimate is an additional 2.5 FTE in Claims Operations to review high-score claims, which is not in the benefits case. She also said that if handlers will agree with the score almost every time, \"we are paying people to click a button and calling it human review\". MK agreed that this was a real risk. The DPIA proposes monitoring handler agreement rates and sampling, and she would rather fund 2.5 FTE than defend an Article 22 complaint. SH suggested the high-score claims go to Counter Fraud rather than Claims Operations, as the Counter Fraud team already has investigators. PN supported this. SH said she could not commit Counter Fraud headcount without DM."),
    ("p", "GP said he had initially supported auto-decline at Meeting 4 but was persuaded by the DPO's advice and by the Consumer Duty point. He did not want the programme's first regulatory conversation to be about automated refusals."),
    ("p", "<b>Decision D5.2:</b> Decision D4.3 is reversed. The fraud triage score will be advisory only. Every decision to decline, reduce or refer a claim will be taken by a handler, who must record a reason other than the score. Orrin's Auto-Decline rule set is to be excluded in the Order Form, not just switched off. PN recorded her disagreement on resourcing; the resourcing question (Claims Operations or Counter Fraud) is to come back to Meeting 6."),
    ("p", "PN asked for the Gauge \"fast-track\" cash offer for estimates under \u00a31,000 to be confirmed for Phase 1 as it offsets some of the lost benefit. MK said it is not assessed in the DPIA and could raise the same Article 22 question, though less acutely because it is an offer the customer can refuse. <b>Decision D5.3:</b> Fast-track settlement is not in Phase 1 scope. It may be considered for Phase 2 subject to a DPIA update."),
    ("p", "PN also asked whether LLM claim summaries could be enabled in Phase 1 for handlers only, since Orrin had shown them working in the demo. AR said they were out of Phase 1 scope, Halvorsen zero data retention is not yet confirmed, and the DPIA does not cover them. <b>Decision D5.4:</b> Meridian 2 will not be used with Kestrel customer data in Phase 1, including for internal claim summaries."),
    ("h", "6. Retention of customer photos (Orrin rejoined)"),
    ("p", "OP presented the options from DPIA v0.3: A (6 years after closure), B (7 years after closure) and C (Orrin default of 10 years from upload). Decision D4.5 at Meeting 4 had chosen Option A. RD explained that Legal now recommends 7 years. Photos are key evidence in disputed claims, re-opened claims and some personal injury cases, and a single period covering all motor images is easier to apply than a split by claim type, which Orrin cannot configure before Phase 2. PI claims and claims involving minors will be protected by legal hold and not by the general period. MK said she preferred 6 years to match the retention schedule but would accept 7 years, provided that RS-CL-04 is amended so the contract and the schedule match, and that legal holds are reviewed annually."),
    ("p", "JvL confirmed that Orrin can configure 7 years from claim closure, using the closure date supplied by ClaimCenter, and 30 days for rejected uploads (their default is 90 days). Asked what happens when a claim is re-opened, JvL said the clock restarts from the next closure. LB asked how deletion works in backups. JvL said backups expire on a 35-day cycle and deleted items are not restored except in disaster recovery."),
    ("p", "<b>Decision D5.5:</b> Decision D4.5 is superseded. Customer photos and derived data will be retained for 7 years after claim closure and then deleted. Rejected uploads will be deleted 30 days after upload. Orrin's 10-year default will not apply. Records Management will amend RS-CL-04 to match."),
    ("h", "7. Security: penetration test findings (LB)"),
    ("p", "LB reported on the Northgate Assurance test (5\u201316 October 2026). H1, an insecure direct object reference on the upload status endpoint, was fixed by Orrin and closed on retest on 29 October. H2, workbench sessions not ending when a user signs out of Okta, is still open. A session stays valid for up to 12 hours, or until 30 minutes of inactivity. Orrin plan single logout in release 4.8. LB stated that he would not sign the security acceptance for go-live with H2 open and that a risk acceptance was not an option, because handlers work on shared hot-desk machines in Sunderland."),
    ("p", "AR said that the draft Order Form makes the H2 fix, confirmed by retest, a condition of go-live, and that the retest must happen by 15 March 2027. LB said that date was too late for his planning and asked for retest by 12 February 2027. AR will ask Orrin to target the earlier date without changing the contract date. LB also noted that Orrin's questionnaire gives the breach notification time as 72 hours and the RPO as 4 hours. That is their standard product position, and the contract overrides it. He asked for the questionnaire to be reissued so the assurance file is consistent. JvL said Orrin do not normally reissue questionnaire responses after contract signature but would consider it."),
    ("h", "8. Tarang Services (Pune)"),
    ("p", "MK reported that the vendor workshop on 12 November had clarified that Tarang does two things for Orrin: annotation of images for Gauge development, and out-of-hours second-line support. JvL had said at the workshop that Tarang only annotates images from customers in the Model Improvement Programme, so Kestrel photos would not be annotated. Support staff would use a virtual desktop hosted in eu-west-1 and could see claim records when working on an incident."),
    ("p", "The Board agreed in principle that Tarang may provide support only and must not annotate Kestrel images. MK said the transfer risk assessment is not yet done and she would not agree to any access from India until it is. TA noted that this means Orrin will have to cover out-of-hours L2 support from the Netherlands until the TRA is approved, which Orrin have accepted at no extra cost. No formal decision was taken. Recorded as a direction to the negotiation team, reflected in the Order Form."),
    ("h", "9. Risks and issues"),
    ("p", "The programme risk register was noted. New risk CTP-R-031 (Counter Fraud capacity to review high-score claims) was added at Amber. CTP-R-017 (late go-live) was raised from Amber to Red. CTP-R-022 (Orrin sub-processor transparency) stays at Amber. LB asked for a risk about the reliance on a single Orrin release (4.8) to be added. Agreed."),
    ("h", "10. Any other business"),
    ("p", "HO asked that future papers show contract values excluding indicative Phase 2 fees, to avoid confusion. Agreed. Next meeting: Wednesday 16 December 2026, 10:00, Room 4.02."),
]

DOC4_DECISIONS = [
    ["Ref", "Decision", "Status"],
    ["D5.1", "Phase 1 go-live re-baselined from 1 March 2027 to 19 April 2027", "Subject to ExCo ratification 2 Dec 2026"],
    ["D5.2", "Fraud triage score advisory only; D4.3 (auto-decline) reversed", "Agreed (PN disagreement on resourcing noted)"],
    ["D5.3", "Gauge fast-track settlement not in Phase 1", "Agreed"],
    ["D5.4", "No use of Meridian 2 with customer data in Phase 1", "Agreed"],
    ["D5.5", "Photos retained 7 years after claim closure; rejected uploads 30 days; D4.5 superseded", "Agreed"],
]

DOC4_ACTIONS = [
    ["Ref", "Action", "Owner", "Due", "Status"],
    ["A3.4", "Confirm Splunk licence headroom for ClaimSight event volumes", "L. Brandt", "30 Oct 2026", "Closed"],
    ["A4.2", "Obtain model card and bias metrics for fraud model from Orrin", "A. Rahman", "11 Nov 2026", "Overdue \u2014 carried forward"],
    ["A4.6", "Confirm deletion of free-text fields in training data extract", "A. Rahman", "11 Nov 2026", "In progress"],
    ["A5.1", "Submit budget increase (\u00a3540k) to ExCo", "H. Okafor", "2 Dec 2026", "Open"],
    ["A5.2", "Confirm Auto-Decline exclusion wording in Order Form", "R. Delaney", "25 Nov 2026", "Open"],
    ["A5.3", "Resourcing options for high-score claim review (CO vs Counter Fraud), with FTE costs", "P. Nandakumar / D. Moss", "9 Dec 2026", "Open"],
    ["A5.4", "Ask Orrin to target H2 retest by 12 Feb 2027", "A. Rahman", "27 Nov 2026", "Open"],
    ["A5.5", "Amend retention schedule RS-CL-04 for claim images (7 years)", "M. Kowalczyk (Records Mgmt)", "31 Jan 2027", "Open"],
    ["A5.6", "Obtain evidence on Sentry data flows; decide sub-processor status", "L. Brandt / T. Ashworth", "9 Dec 2026", "Open"],
    ["A5.7", "Complete Tarang transfer risk assessment", "O. Pritchard", "31 Jan 2027", "Open \u2014 depends on Orrin information"],
    ["A5.8", "Update DPIA to v0.4 reflecting D5.2\u2013D5.5", "O. Pritchard", "4 Dec 2026", "Open"],
    ["A5.9", "Add risk on dependency on Orrin release 4.8", "B. Carver", "25 Nov 2026", "Closed"],
    ["A5.10", "Request reissue of Orrin security questionnaire aligned to contract", "T. Ashworth", "16 Dec 2026", "Open"],
]


# --------------------------------------------------------------------------
# Document 5: Orrin standard service level table (CSV)
# --------------------------------------------------------------------------

CSV_HEADER = ["sl_ref", "service", "metric", "target", "measurement_window",
              "service_credit", "notes"]
CSV_ROWS = [
    ["SL-01", "ClaimSight Workbench", "Availability", "99.5%", "Calendar month, 24x7, excl. planned maintenance", "5% of monthly fee below 99.5%; 10% below 99.0%; 15% below 98.0%", "Planned maintenance max 8 hours per month, notified 5 business days ahead"],
    ["SL-02", "Public photo upload page", "Availability", "99.5%", "Calendar month, 24x7", "5% below 99.5%; 10% below 99.0%", "Measured by external synthetic checks every 60 seconds"],
    ["SL-03", "Mobile upload API", "Availability", "99.5%", "Calendar month, 24x7", "5% below 99.5%; 10% below 99.0%", "Excludes failures of the customer's identity service"],
    ["SL-04", "Gauge photo estimation", "Estimate turnaround (95th percentile)", "15 minutes", "Calendar month", "2% of monthly fee if missed", "From last image received to estimate available; excludes images held for manual quality review"],
    ["SL-05", "Gauge photo estimation", "Estimate turnaround (median)", "4 minutes", "Calendar month", "None", "Reported only"],
    ["SL-06", "Fraud Triage", "Score availability at claim creation", "99% of claims scored within 60 seconds", "Calendar month", "2% of monthly fee if missed", "Depends on timely data from claims system of record"],
    ["SL-07", "Assist (LLM drafting)", "Availability", "99.0%", "Calendar month", "None", "Dependent on third-party LLM provider; best endeavours only"],
    ["SL-08", "Integrations", "Outbound message delivery to claims system", "99.5% within 5 minutes", "Calendar month", "2% of monthly fee if missed", "Excludes periods when the customer endpoint is unavailable"],
    ["SL-09", "Support", "Severity 1 response", "1 hour", "24x7", "3% of monthly fee per breach, max 2 breaches per month", "Severity 1: service unavailable or major function unusable for all users"],
    ["SL-10", "Support", "Severity 1 resolution or workaround", "8 hours", "24x7", "5% of monthly fee per breach", "Clock stops while awaiting customer information"],
    ["SL-11", "Support", "Severity 2 response", "4 business hours", "Business hours 08:00-18:00 CET Mon-Fri", "None", ""],
    ["SL-12", "Support", "Severity 2 resolution or workaround", "2 business days", "Business hours", "None", ""],
    ["SL-13", "Support", "Severity 3 response", "1 business day", "Business hours", "None", ""],
    ["SL-14", "Support", "Severity 4 (request / question) response", "3 business days", "Business hours", "None", ""],
    ["SL-15", "Disaster recovery", "Recovery Point Objective (RPO)", "4 hours", "Per DR invocation", "None", "Enhanced RPO available as chargeable option"],
    ["SL-16", "Disaster recovery", "Recovery Time Objective (RTO)", "12 hours", "Per DR invocation", "None", "Cross-region recovery from backup region; warm standby not offered"],
    ["SL-17", "Security", "Security incident notification to customer", "72 hours from confirmation", "Per incident", "None", "Per standard DPA; initial notice given sooner where possible"],
    ["SL-18", "Security", "Critical vulnerability remediation", "7 days", "From validation", "None", ""],
    ["SL-19", "Security", "High vulnerability remediation", "30 days", "From validation", "None", ""],
    ["SL-20", "Data", "Data export on request", "30 days", "Per request", "None", "Self-service export for structured data"],
    ["SL-21", "Data", "Deletion after contract end", "90 days", "From contract end", "None", "Backups expire within a further 35 days"],
    ["SL-22", "Reporting", "Monthly service report", "By 10th business day of following month", "Monthly", "None", "Includes availability, tickets, incidents, model drift summary"],
    ["SL-23", "All services", "Service credit cap", "20% of monthly fee", "Calendar month", "n/a", "Service credits are the customer's sole remedy for service level failures"],
]
CSV_PREAMBLE = None  # no preamble; plain CSV


# --------------------------------------------------------------------------
# PDF builders
# --------------------------------------------------------------------------

def _styles():
    ss = getSampleStyleSheet()
    base = ParagraphStyle("base", parent=ss["Normal"], fontName="Helvetica",
                          fontSize=9.5, leading=12.5, spaceAfter=5)
    cell = ParagraphStyle("cell", parent=base, fontSize=7.8, leading=9.6,
                          spaceAfter=0)
    cellb = ParagraphStyle("cellb", parent=cell, fontName="Helvetica-Bold")
    h = ParagraphStyle("h", parent=base, fontName="Helvetica-Bold",
                       fontSize=11, leading=14, spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold",
                           fontSize=14, leading=18, spaceAfter=6)
    sub = ParagraphStyle("sub", parent=base, fontName="Helvetica-Bold",
                         fontSize=12, leading=15, spaceAfter=6)
    bul = ParagraphStyle("bul", parent=base, leftIndent=12, bulletIndent=2)
    return dict(base=base, cell=cell, cellb=cellb, h=h, title=title, sub=sub,
                bul=bul)


def _esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows, widths, st, header_bg=colors.HexColor("#D9D9D9")):
    data = []
    for i, row in enumerate(rows):
        style = st["cellb"] if i == 0 else st["cell"]
        data.append([Paragraph(_esc(str(c)), style) for c in row])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def _footer(text):
    def draw(canv, doc):
        canv.saveState()
        canv.setFont("Helvetica", 7.5)
        canv.drawString(18 * mm, 10 * mm, text)
        canv.drawRightString(A4[0] - 18 * mm, 10 * mm, "Page %d" % doc.page)
        canv.restoreState()
    return draw


def build_questionnaire(path):
    st = _styles()
    doc = SimpleDocTemplate(path, pagesize=A4, invariant=1,
                            leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm,
                            title="Orrin response to Kestrel TPSQ v4.2",
                            author="Sanne de Vries, Orrin Data Systems B.V.",
                            subject="ClaimSight security questionnaire response",
                            creator="Orrin Data Systems B.V.")
    story = [Paragraph(_esc(DOC3_INTRO[0]), st["title"])]
    for p in DOC3_INTRO[1:]:
        story.append(Paragraph(_esc(p), st["base"]))
    story.append(Spacer(1, 4))
    widths = [11 * mm, 52 * mm, 17 * mm, 94 * mm]
    for title, rows in DOC3_SECTIONS:
        story.append(Paragraph(_esc(title), st["h"]))
        story.append(_table([["No.", "Question", "Response", "Comment / evidence"]] + rows,
                            widths, st))
    story.append(Spacer(1, 8))
    for p in DOC3_CLOSING:
        story.append(Paragraph(_esc(p), st["base"]))
    foot = _footer("Orrin Data Systems B.V. \u2014 Confidential \u2014 TPSQ v4.2 response v1.1 \u2014 2 November 2026")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)


def build_minutes(path):
    st = _styles()
    doc = SimpleDocTemplate(path, pagesize=A4, invariant=1,
                            leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="Claims Transformation Project Board - Minutes of Meeting 5",
                            author="Beth Carver, PMO",
                            subject="Project Board 5, 18 November 2026",
                            creator="Kestrel Mutual PMO")
    story = []
    for kind, text in DOC4_HEADER:
        story.append(Paragraph(text if kind == "p" else _esc(text), st[kind if kind != "p" else "base"]))
    story.append(Paragraph("Attendees", st["h"]))
    story.append(_table(DOC4_ATTENDEES, [42 * mm, 85 * mm, 43 * mm], st))
    story.append(Spacer(1, 4))
    story.append(Paragraph("Initials used: GP, AR, MK, LB, PN, SH, TA, RD, HO, JvL, OP, DM.", st["base"]))
    for kind, text in DOC4_BODY:
        if kind == "h":
            story.append(Paragraph(_esc(text), st["h"]))
        elif kind == "p":
            # text may contain <b> markup; escape only ampersands
            story.append(Paragraph(text.replace("&", "&amp;"), st["base"]))
        elif kind == "bul":
            story.append(Paragraph(_esc(text), st["bul"], bulletText="\u2022"))
    story.append(Paragraph("Summary of decisions", st["h"]))
    story.append(_table(DOC4_DECISIONS, [14 * mm, 106 * mm, 50 * mm], st))
    story.append(Paragraph("Actions log", st["h"]))
    story.append(_table(DOC4_ACTIONS, [13 * mm, 77 * mm, 34 * mm, 20 * mm, 26 * mm], st))
    story.append(Spacer(1, 6))
    story.append(Paragraph("Actions closed at this meeting are shown once and will be removed from the log at Meeting 6.", st["base"]))
    foot = _footer("Kestrel Mutual Insurance \u2014 Claims Transformation \u2014 Project Board 5 minutes \u2014 OFFICIAL-SENSITIVE")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main():
    d1 = Document()
    d1.styles["Normal"].font.name = "Arial"
    d1.styles["Normal"].font.size = Pt(10)
    legal_render(d1, DOC1)
    fix_docx(d1, os.path.join(OUT, "order-form-schedule.docx"),
             "Ruth Delaney", "Order Form ODS-UK-2026-0147 and Data Processing Schedule",
             dt.datetime(2026, 11, 27, 9, 0, 0))

    d2 = Document()
    styled_render(d2, DOC2)
    fix_docx(d2, os.path.join(OUT, "dpia-draft.docx"),
             "Owen Pritchard", "DPIA-2026-019 ClaimSight (draft v0.3)",
             dt.datetime(2026, 11, 6, 9, 0, 0))

    build_questionnaire(os.path.join(OUT, "security-questionnaire-response.pdf"))
    build_minutes(os.path.join(OUT, "project-board-minutes.pdf"))

    with open(os.path.join(OUT, "service-levels.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        w.writerows(CSV_ROWS)


if __name__ == "__main__":
    main()
