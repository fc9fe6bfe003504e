package org.allmende.billing.payment;

import com.prowidesoftware.swift.model.mx.MxPain00800102;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CustomerDirectDebitInitiationV02;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransaction6;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation9;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericPersonIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader39;
import com.prowidesoftware.swift.model.mx.dic.LocalInstrument2Choice;
import com.prowidesoftware.swift.model.mx.dic.MandateRelatedInformation6;
import com.prowidesoftware.swift.model.mx.dic.Party6Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation4;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod2Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation20;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentification5;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.SequenceType1Code;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a SEPA direct debit initiation (pain.008.001.02, the version German banks take under the DFÜ agreement)
 * with Prowide's ISO 20022 model: one payment information block per sequence type, batch booking requested.
 */
final class Pain008 {

    /** One collection: an open item drawn under a mandate. */
    record Collection(
            String endToEndId,
            BigDecimal amount,
            String mandateReference,
            LocalDate mandateSignedOn,
            String debtorName,
            String debtorIban,
            String debtorBic,
            String remittance) {}

    /** The collections of one sequence type (FRST or RCUR), under one payment information id. */
    record Batch(String paymentInformationId, String sequenceType, List<Collection> collections) {
        BigDecimal sum() {
            return collections.stream().map(Collection::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private Pain008() {}

    static String write(
            String messageId,
            OffsetDateTime createdAt,
            LocalDate collectionDate,
            String localInstrument,
            CreditorProperties creditor,
            List<Batch> batches) {
        var count = batches.stream().mapToInt(b -> b.collections().size()).sum();
        var sum = batches.stream().map(Batch::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
        var initiation = new CustomerDirectDebitInitiationV02()
                .setGrpHdr(new GroupHeader39()
                        .setMsgId(messageId)
                        .setCreDtTm(createdAt.truncatedTo(ChronoUnit.SECONDS))
                        .setNbOfTxs(Integer.toString(count))
                        .setCtrlSum(sum)
                        .setInitgPty(new PartyIdentification32().setNm(creditor.name())));
        for (var batch : batches) {
            var information = new PaymentInstructionInformation4()
                    .setPmtInfId(batch.paymentInformationId())
                    .setPmtMtd(PaymentMethod2Code.DD)
                    .setBtchBookg(true)
                    .setNbOfTxs(Integer.toString(batch.collections().size()))
                    .setCtrlSum(batch.sum())
                    .setPmtTpInf(new PaymentTypeInformation20()
                            .setSvcLvl(new ServiceLevel8Choice().setCd("SEPA"))
                            .setLclInstrm(new LocalInstrument2Choice().setCd(localInstrument))
                            .setSeqTp(SequenceType1Code.valueOf(batch.sequenceType())))
                    .setReqdColltnDt(collectionDate)
                    .setCdtr(new PartyIdentification32().setNm(creditor.name()))
                    .setCdtrAcct(account(creditor.iban()))
                    .setCdtrAgt(agent(creditor.bic()))
                    .setChrgBr(ChargeBearerType1Code.SLEV)
                    .setCdtrSchmeId(schemeId(creditor.creditorId()));
            for (var collection : batch.collections()) {
                information
                        .getDrctDbtTxInf()
                        .add(new DirectDebitTransactionInformation9()
                                .setPmtId(new PaymentIdentification1().setEndToEndId(collection.endToEndId()))
                                .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                                        .setCcy("EUR")
                                        .setValue(collection.amount()))
                                .setDrctDbtTx(new DirectDebitTransaction6()
                                        .setMndtRltdInf(new MandateRelatedInformation6()
                                                .setMndtId(collection.mandateReference())
                                                .setDtOfSgntr(collection.mandateSignedOn())))
                                .setDbtrAgt(agent(collection.debtorBic()))
                                .setDbtr(new PartyIdentification32().setNm(collection.debtorName()))
                                .setDbtrAcct(account(collection.debtorIban()))
                                .setRmtInf(remittance(collection.remittance())));
            }
            initiation.getPmtInf().add(information);
        }
        var params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        return new MxPain00800102().setCstmrDrctDbtInitn(initiation).document(params);
    }

    static RemittanceInformation5 remittance(String text) {
        var remittance = new RemittanceInformation5();
        remittance.getUstrd().add(text.length() > 140 ? text.substring(0, 140) : text);
        return remittance;
    }

    static CashAccount16 account(String iban) {
        return new CashAccount16().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    /** The bank by BIC; without one "NOTPROVIDED" (IBAN-only, allowed within the SEPA area). */
    static BranchAndFinancialInstitutionIdentification4 agent(String bic) {
        var institution = bic == null
                ? new FinancialInstitutionIdentification7()
                        .setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"))
                : new FinancialInstitutionIdentification7().setBIC(bic);
        return new BranchAndFinancialInstitutionIdentification4().setFinInstnId(institution);
    }

    private static PartyIdentification32 schemeId(String creditorId) {
        var person = new PersonIdentification5();
        person.getOthr()
                .add(new GenericPersonIdentification1()
                        .setId(creditorId)
                        .setSchmeNm(new PersonIdentificationSchemeName1Choice().setPrtry("SEPA")));
        return new PartyIdentification32().setId(new Party6Choice().setPrvtId(person));
    }
}
