"""Per-iteration time of Gatys et al.'s objective on VGG-19 in PyTorch, fp32 against bf16, on GPU and CPU.

Why this exists: the GPU machine lent to some sessions has no JDK, and TensorFlow Java's CPU natives alone
(160 MB) are larger than what may travel there (64 MiB), so this project's own build cannot run there. This
script measures the same objective (content relu4_2, Gram matrices relu1_1..relu5_1, TV, Adam, random
weights: speed does not depend on them) with PyTorch, whose CPU convolutions also run on oneDNN, to answer
two questions with numbers from one run on one machine: what bf16 gains per iteration on a CPU with
AMX / AVX512_BF16 (issue 14), and what a GPU peer does per iteration.

Usage: python3 vgg19_speed.py OUT.json
"""
import json
import platform
import sys
import time

import torch
import torchvision

CONTENT = 22  # index of relu4_2 in torchvision's vgg19().features
STYLE = [1, 6, 11, 20, 29]  # relu1_1, relu2_1, relu3_1, relu4_1, relu5_1


def features(net, x):
    out = {}
    for i, layer in enumerate(net):
        x = layer(x)
        if i in STYLE or i == CONTENT:
            out[i] = x
        if i == max(STYLE):
            break
    return out


def gram(f):
    b, c, h, w = f.shape
    m = f.reshape(c, h * w).float()  # Gram matrices and sums in fp32, as the Java build does
    return m @ m.t() / (h * w)


def time_iterations(device, dtype, size, warmup, timed):
    torch.manual_seed(0)
    net = torchvision.models.vgg19(weights=None).features[: max(STYLE) + 1].to(device).eval()
    for p in net.parameters():
        p.requires_grad_(False)
    content = torch.rand(1, 3, size, size, device=device)
    style = torch.rand(1, 3, size, size, device=device)
    autocast = torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=dtype == "bf16")
    with torch.no_grad(), autocast:
        ct = features(net, content)[CONTENT].float()
        st = {i: gram(f) for i, f in features(net, style).items() if i in STYLE}
    image = content.clone().requires_grad_(True)
    opt = torch.optim.Adam([image], lr=1.0)

    def step():
        opt.zero_grad()
        with autocast:
            f = features(net, image)
            loss = 5.0 * (f[CONTENT].float() - ct).pow(2).mean()
            for i in STYLE:
                loss = loss + 100.0 * (gram(f[i]) - st[i]).pow(2).mean()
        loss = loss + 1e-3 * ((image[..., 1:, :] - image[..., :-1, :]).abs().mean()
                              + (image[..., :, 1:] - image[..., :, :-1]).abs().mean())
        loss.backward()
        opt.step()
        return loss

    for _ in range(warmup):
        step()
    if device == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    for _ in range(timed):
        loss = step()
    loss.item()
    if device == "cuda":
        torch.cuda.synchronize()
    ms = (time.perf_counter() - start) / timed * 1000
    row = {"device": device, "precision": dtype, "size": size, "ms_per_iteration": round(ms, 2)}
    if device == "cuda":
        row["peak_gpu_mib"] = round(torch.cuda.max_memory_allocated() / 2**20)
    return row


def main():
    out = sys.argv[1]
    flags = open("/proc/cpuinfo").read()
    info = {
        "cpu": next((l.split(":", 1)[1].strip() for l in flags.splitlines() if l.startswith("model name")), "?"),
        "cpu_threads": torch.get_num_threads(),
        "amx_bf16": " amx_bf16" in flags,
        "avx512_bf16": " avx512_bf16" in flags,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "rows": [],
    }
    print(json.dumps({k: v for k, v in info.items() if k != "rows"}), flush=True)
    torch.backends.cudnn.benchmark = True
    plan = [("cuda", p, s, 3, 20) for s in (512, 1024, 2048) for p in ("fp32", "bf16")]
    plan += [("cpu", p, s, 1, 3) for s in (256, 512) for p in ("fp32", "bf16")]
    for device, precision, size, warmup, timed in plan:
        if device == "cuda" and not torch.cuda.is_available():
            continue
        row = time_iterations(device, precision, size, warmup, timed)
        info["rows"].append(row)
        print(json.dumps(row), flush=True)
        with open(out, "w") as f:
            json.dump(info, f, indent=1)


if __name__ == "__main__":
    main()
