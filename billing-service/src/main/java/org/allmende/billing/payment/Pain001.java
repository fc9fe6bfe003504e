package org.allmende.billing.payment;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType3Choice;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV03;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation19;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Writes a SEPA credit transfer initiation (pain.001.001.03, as German banks take it under the DFÜ agreement) with
 * Prowide's ISO 20022 model: one transfer from the cooperative's account to a member's, e.g. a payout's rest.
 */
final class Pain001 {

    /** The transfer: to whom, how much, under which end-to-end reference and remittance text. */
    record Transfer(
            String endToEndId,
            BigDecimal amount,
            String creditorName,
            String creditorIban,
            String creditorBic,
            String remittance) {}

    private Pain001() {}

    static String write(
            String messageId,
            OffsetDateTime createdAt,
            LocalDate executionDate,
            String debtorName,
            String debtorIban,
            String debtorBic,
            Transfer transfer) {
        var information = new PaymentInstructionInformation3()
                .setPmtInfId(messageId)
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(true)
                .setNbOfTxs("1")
                .setCtrlSum(transfer.amount())
                .setPmtTpInf(new PaymentTypeInformation19().setSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
                .setReqdExctnDt(executionDate)
                .setDbtr(new PartyIdentification32().setNm(debtorName))
                .setDbtrAcct(Pain008.account(debtorIban))
                .setDbtrAgt(Pain008.agent(debtorBic))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        information
                .getCdtTrfTxInf()
                .add(new CreditTransferTransactionInformation10()
                        .setPmtId(new PaymentIdentification1().setEndToEndId(transfer.endToEndId()))
                        .setAmt(new AmountType3Choice()
                                .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                                        .setCcy("EUR")
                                        .setValue(transfer.amount())))
                        // IBAN-only: no creditor agent at all (pain.001 knows no NOTPROVIDED for it)
                        .setCdtrAgt(transfer.creditorBic() == null ? null : Pain008.agent(transfer.creditorBic()))
                        .setCdtr(new PartyIdentification32().setNm(transfer.creditorName()))
                        .setCdtrAcct(Pain008.account(transfer.creditorIban()))
                        .setRmtInf(Pain008.remittance(transfer.remittance())));
        var initiation = new CustomerCreditTransferInitiationV03()
                .setGrpHdr(new GroupHeader32()
                        .setMsgId(messageId)
                        .setCreDtTm(createdAt.truncatedTo(ChronoUnit.SECONDS))
                        .setNbOfTxs("1")
                        .setCtrlSum(transfer.amount())
                        .setInitgPty(new PartyIdentification32().setNm(debtorName)));
        initiation.getPmtInf().add(information);
        var params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        return new MxPain00100103().setCstmrCdtTrfInitn(initiation).document(params);
    }
}
